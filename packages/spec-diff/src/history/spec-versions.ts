import { dirname, join, relative } from 'node:path';
import { InputError } from '../errors.js';
import type { ParsedFiles } from '../load/bundle.js';
import { loadSpec } from '../load/load-spec.js';
import type { LoadedSpec } from '../types.js';
import type { GitObjects } from './git-objects.js';

/** The spec as one or more commits hold it: bundled, or the error that stopped it loading. */
export interface SpecVersion {
  /** The first commit it was loaded at. */
  commit: string;
  /** Undefined where the commit has no root file. */
  spec: LoadedSpec | undefined;
  error?: InputError;
  /** Every file the load asked for (paths from the repository root): its blob id, undefined for none. */
  files: Map<string, string | undefined>;
  /** The tree id of the spec's folder at the commit. */
  folderTree?: string | undefined;
}

/**
 * Loads the spec at commits, each distinct version once. Bundling depends on nothing but the
 * files it reads, so a commit whose blobs for those files are the ones a loaded version read has
 * that version: consecutive commits of a history share their loads, and a commit that changed
 * only other files costs a few blob-id look-ups.
 */
export class SpecVersions {
  private readonly versions: SpecVersion[] = [];
  private readonly byCommit = new Map<string, Promise<SpecVersion>>();
  private readonly folder: string;

  constructor(
    private readonly objects: GitObjects,
    private readonly repoRoot: string,
    /** The root file, relative to the repository root. */
    private readonly root: string,
    private readonly label: (commit: string) => string,
    private readonly parsedFiles: ParsedFiles = new Map(),
  ) {
    this.folder = dirname(root);
  }

  /** How many distinct versions were bundled. */
  get loaded(): number {
    return this.versions.length;
  }

  /** Every file any loaded version read. */
  filesRead(): Set<string> {
    return new Set(this.versions.flatMap((v) => [...v.files.keys()]));
  }

  at(commit: string): Promise<SpecVersion> {
    let version = this.byCommit.get(commit);
    if (!version) {
      version = this.find(commit);
      this.byCommit.set(commit, version);
    }
    return version;
  }

  private async find(commit: string): Promise<SpecVersion> {
    const [rootOid, folderTree] = await Promise.all([this.objects.oid(commit, this.root), this.folderTree(commit)]);
    if (rootOid === undefined) return { commit, spec: undefined, files: new Map() };
    // An unchanged folder leaves only the files outside it to compare; otherwise every file is.
    const sameFolder = this.versions.filter((v) => folderTree !== undefined && v.folderTree === folderTree);
    for (const version of sameFolder) {
      if (await this.sameFiles(commit, version, (path) => !this.inFolder(path))) return version;
    }
    for (const version of this.versions) {
      if (
        version.files.get(this.root) === rootOid &&
        !sameFolder.includes(version) &&
        (await this.sameFiles(commit, version, () => true))
      )
        return version;
    }
    const version = await this.load(commit);
    version.folderTree = folderTree;
    this.versions.push(version);
    return version;
  }

  private async folderTree(commit: string): Promise<string | undefined> {
    if (this.folder === '.') return undefined;
    const id = await this.objects.lookup(commit, this.folder);
    return id?.type === 'tree' ? id.oid : undefined;
  }

  private inFolder(path: string): boolean {
    return this.folder !== '.' && path.startsWith(`${this.folder}/`);
  }

  private async sameFiles(commit: string, version: SpecVersion, compared: (path: string) => boolean): Promise<boolean> {
    const entries = [...version.files].filter(([path]) => compared(path));
    const oids = await Promise.all(entries.map(([path]) => this.objects.oid(commit, path)));
    return entries.every(([, oid], i) => oids[i] === oid);
  }

  private async load(commit: string): Promise<SpecVersion> {
    const files = new Map<string, string | undefined>();
    const read = async (absolutePath: string): Promise<string> => {
      const path = relative(this.repoRoot, absolutePath).split('\\').join('/');
      // A file it missed counts too: a commit that has it would load differently.
      files.set(path, undefined);
      const blob = await this.objects.read(commit, path);
      files.set(path, blob.oid);
      return blob.text;
    };
    if (this.folder !== '.') await this.objects.prefetch(commit, this.folder);
    try {
      const spec = await loadSpec(this.label(commit), join(this.repoRoot, this.root), read, {
        parsedFiles: this.parsedFiles,
      });
      return { commit, spec, files };
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return { commit, spec: undefined, error, files };
    }
  }
}

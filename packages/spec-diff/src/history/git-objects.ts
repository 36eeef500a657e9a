import { CatFile } from './cat-file.js';

/** A file as stored in git: its blob id and its text. */
export interface GitBlob {
  oid: string;
  text: string;
}

/** What a `<commit>:<path>` names: a blob (file) or a tree (folder). */
export interface GitObjectId {
  oid: string;
  type: string;
}

/**
 * Reads files at commits of one repository. Every look-up is remembered per commit and path, and
 * every distinct blob is decoded once, so the many commits of a history that share most of their
 * files cost little more than one.
 */
export class GitObjects {
  private batch: CatFile | undefined;
  private check: CatFile | undefined;
  private readonly ids = new Map<string, Promise<GitObjectId | undefined>>();
  private readonly texts = new Map<string, Promise<string>>();
  private readonly trees = new Map<string, Promise<Array<[string, string]>>>();

  constructor(private readonly root: string) {}

  /** The object `path` names at `commit`, or undefined when there is none. */
  lookup(commit: string, path: string): Promise<GitObjectId | undefined> {
    const key = `${commit}:${path}`;
    let id = this.ids.get(key);
    if (!id) {
      this.check ??= new CatFile(this.root, false);
      id = this.check.request(key).then(({ header }) => {
        const match = /^([0-9a-f]+) (\w+) \d+$/.exec(header);
        return match ? { oid: match[1]!, type: match[2]! } : undefined;
      });
      this.ids.set(key, id);
    }
    return id;
  }

  /** The blob id of the file `path` at `commit`, or undefined when there is no such file. */
  async oid(commit: string, path: string): Promise<string | undefined> {
    const id = await this.lookup(commit, path);
    return id?.type === 'blob' ? id.oid : undefined;
  }

  /** The file `path` (relative to the repository root) at `commit`; throws when there is none. */
  async read(commit: string, path: string): Promise<GitBlob> {
    const oid = await this.oid(commit, path);
    if (oid === undefined) throw new Error(`no file ${path} at ${commit.slice(0, 7)}`);
    return { oid, text: await this.blob(oid) };
  }

  /**
   * Lists every file under `folder` at `commit` and fetches the blobs not seen yet in one pipelined
   * batch: a spec's hundred files then load without a round trip each. Trees are read through the
   * same pipe and remembered by id, so a folder that changed in one file re-reads one subtree.
   */
  async prefetch(commit: string, folder: string): Promise<void> {
    const tree = await this.lookup(commit, folder);
    if (tree?.type !== 'tree') return;
    const files = await this.treeFiles(tree.oid, folder);
    for (const [path, oid] of files) {
      if (!this.ids.has(`${commit}:${path}`)) this.ids.set(`${commit}:${path}`, Promise.resolve({ oid, type: 'blob' }));
    }
    await Promise.all(files.map(([, oid]) => this.blob(oid)));
  }

  close(): void {
    this.batch?.close();
    this.check?.close();
  }

  /** Every file under a tree, `[path, blob id]`, its paths prefixed with `prefix/`. */
  private treeFiles(oid: string, prefix: string): Promise<Array<[string, string]>> {
    const key = `${oid}:${prefix}`;
    let files = this.trees.get(key);
    if (!files) {
      files = this.object(oid).then(async (body) => {
        const nested = parseTree(body, oid.length / 2).map(({ mode, name, oid: child }) => {
          const path = `${prefix}/${name}`;
          if (mode === '40000') return this.treeFiles(child, path);
          // Submodules (160000) have no blob here; symbolic links (120000) are not followed.
          return Promise.resolve(mode.startsWith('100') ? [[path, child] as [string, string]] : []);
        });
        return (await Promise.all(nested)).flat();
      });
      this.trees.set(key, files);
    }
    return files;
  }

  private object(oid: string): Promise<Buffer> {
    this.batch ??= new CatFile(this.root, true);
    return this.batch.request(oid).then(({ header, body }) => {
      if (!body) throw new Error(`git cat-file: unexpected answer for ${oid}: ${header}`);
      return body;
    });
  }

  private blob(oid: string): Promise<string> {
    let text = this.texts.get(oid);
    if (!text) {
      text = this.object(oid).then((body) => body.toString('utf8'));
      this.texts.set(oid, text);
    }
    return text;
  }
}

/** The entries of a git tree object: `<mode> <name>\0<raw id>`, repeated. */
export function parseTree(body: Buffer, idBytes: number): Array<{ mode: string; name: string; oid: string }> {
  const entries: Array<{ mode: string; name: string; oid: string }> = [];
  let at = 0;
  while (at < body.length) {
    const space = body.indexOf(0x20, at);
    const nul = body.indexOf(0, space);
    if (space < 0 || nul < 0 || nul + 1 + idBytes > body.length)
      throw new Error('git cat-file: a tree object is truncated');
    entries.push({
      mode: body.toString('latin1', at, space),
      name: body.toString('utf8', space + 1, nul),
      oid: body.toString('hex', nul + 1, nul + 1 + idBytes),
    });
    at = nul + 1 + idBytes;
  }
  return entries;
}

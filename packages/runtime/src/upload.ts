/**
 * A file to upload: its text, a Blob (or File), or a stream of its bytes: a web `ReadableStream`
 * (`response.body`, `blob.stream()`) or any async iterable of bytes (Node's `fs.createReadStream`).
 * For a file on disk in Node, `fileFromPath` of the `/node` entry opens it without reading it.
 */
export type FileSource = string | Blob | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

/** The file is at or above the API's size limit; nothing was sent. */
export class FileTooLargeError extends Error {
  override readonly name = 'FileTooLargeError';
  constructor(
    readonly fileName: string,
    /** Its size in bytes; for a stream, what had been read when it reached the limit. */
    readonly size: number,
    readonly limit: number,
  ) {
    super(`${fileName} is ${size} bytes; the API takes files under ${limit} bytes. Split it and upload the parts.`);
  }
}

export interface FileOptions {
  /** Reject files of this many bytes or more, before anything is sent. */
  readonly maxBytes?: number;
  /** The part's media type. Default `text/csv`. */
  readonly type?: string;
  /** The part's file name when the source has none. Default `upload.csv`. */
  readonly name?: string;
}

const isAsyncIterable = (value: unknown): value is AsyncIterable<Uint8Array> =>
  typeof value === 'object' && value !== null && Symbol.asyncIterator in value;

/** A ReadableStream's chunks; not every browser makes the stream itself async-iterable. */
async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) yield read.value;
  } finally {
    await reader.cancel();
  }
}

/** The stream's bytes as a Blob, read no further than `maxBytes`. */
async function collect(chunks: AsyncIterable<Uint8Array>, name: string, maxBytes: number | undefined): Promise<Blob> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    if (!(chunk instanceof Uint8Array)) throw new TypeError('"file" must be a stream of bytes (Uint8Array chunks)');
    parts.push(new Uint8Array(chunk));
    size += chunk.byteLength;
    if (maxBytes !== undefined && size >= maxBytes) throw new FileTooLargeError(name, size, maxBytes);
  }
  return new Blob(parts);
}

/** The source as a File ready for a multipart body, its size checked first. */
export async function fileFrom(source: FileSource, options: FileOptions = {}): Promise<File> {
  const type = options.type ?? 'text/csv';
  const name = options.name ?? 'upload.csv';
  let file: File;
  if (typeof source === 'string') {
    file = new File([source], name, { type });
  } else if (source instanceof File) {
    file = source;
  } else if (source instanceof Blob) {
    file = new File([source], name, { type: source.type || type });
  } else if (typeof ReadableStream !== 'undefined' && source instanceof ReadableStream) {
    file = new File([await collect(chunksOf(source), name, options.maxBytes)], name, { type });
  } else if (isAsyncIterable(source)) {
    file = new File([await collect(source, name, options.maxBytes)], name, { type });
  } else {
    throw new TypeError(
      '"file" must be the file\'s text, a Blob or File, or a stream of its bytes (for a path, use fileFromPath of the /node entry)',
    );
  }
  if (options.maxBytes !== undefined && file.size >= options.maxBytes)
    throw new FileTooLargeError(file.name, file.size, options.maxBytes);
  return file;
}

import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import { isAccepted, type AcceptedType } from './accepted-types';
import { sizeText } from './size-text';

/** Why an upload was refused, for a problem+json the client can act on. */
export class UploadRefused extends Error {
  constructor(
    readonly reason:
      'empty' | 'too-large' | 'type-not-accepted' | 'type-mismatch' | 'infected' | 'not-scanned',
    message: string,
  ) {
    super(message);
    this.name = 'UploadRefused';
  }
}

/** What the inspector found once the whole upload went through it. */
export interface Inspected {
  mediaType: AcceptedType;
  sizeBytes: number;
  sha256: string;
}

// file-type needs at most this much of the start of a file to recognise it.
const HEAD_BYTES = 4100;

/**
 * Passes an upload through on its way to storage, never holding more than its first 4 KiB:
 * counts it against `maxBytes`, hashes it, and decides its type from its first bytes. Fails
 * the stream (so storage keeps nothing) as soon as it is too large or of a refused type.
 */
export class UploadInspector extends Transform {
  private readonly hash = createHash('sha256');
  private head: Buffer[] = [];
  private headLength = 0;
  private size = 0;
  private type: AcceptedType | undefined;
  private result: Inspected | undefined;

  /**
   * @param maxBytes the most this upload may hold
   * @param declared what the client says it is (from its file name or Content-Type): a PNG
   *   sent as `scan.pdf` is refused, so a name never says more than the content.
   */
  constructor(
    private readonly maxBytes: number,
    private readonly declared?: AcceptedType,
  ) {
    super();
  }

  /** Set once the stream has ended cleanly. */
  get inspected(): Inspected | undefined {
    return this.result;
  }

  override _transform(chunk: Buffer, _encoding: string, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      done(new UploadRefused('too-large', `The file is larger than ${sizeText(this.maxBytes)}.`));
      return;
    }
    this.hash.update(chunk);
    if (this.type === undefined && this.headLength < HEAD_BYTES) {
      this.head.push(chunk);
      this.headLength += chunk.length;
      if (this.headLength >= HEAD_BYTES) {
        this.decideType().then(() => done(null, chunk), done);
        return;
      }
    }
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (this.size === 0) {
      done(new UploadRefused('empty', 'The file is empty.'));
      return;
    }
    const finish = () => {
      this.result = {
        mediaType: this.type as AcceptedType,
        sizeBytes: this.size,
        sha256: this.hash.digest('hex'),
      };
      done();
    };
    if (this.type !== undefined) finish();
    else this.decideType().then(finish, done);
  }

  private async decideType(): Promise<void> {
    const head = Buffer.concat(this.head).subarray(0, HEAD_BYTES);
    this.head = [];
    const detected = await fileTypeFromBuffer(head);
    if (!detected || !isAccepted(detected.mime)) {
      throw new UploadRefused(
        'type-not-accepted',
        detected
          ? `The file is ${detected.mime} by its content; only PDF, JPEG and PNG are accepted.`
          : 'The file is of no recognisable type; only PDF, JPEG and PNG are accepted.',
      );
    }
    if (this.declared && this.declared !== detected.mime) {
      throw new UploadRefused(
        'type-mismatch',
        `The file is ${detected.mime} by its content, not the ${this.declared} it was sent as.`,
      );
    }
    this.type = detected.mime;
  }
}

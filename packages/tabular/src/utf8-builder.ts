// Builds a large UTF-8 document from many small strings. Encoding in 64 Ki-character chunks keeps
// one huge string (and its copy) out of memory, which matters in a browser tab writing 50,000 rows.

const encoder = new TextEncoder();
const CHUNK = 1 << 16;

export class Utf8Builder {
  private pending = '';
  private readonly chunks: Uint8Array[] = [];
  private size = 0;

  append(text: string): void {
    this.pending += text;
    if (this.pending.length >= CHUNK) this.flush();
  }

  bytes(): Uint8Array {
    this.flush();
    if (this.chunks.length === 1) return this.chunks[0];
    const out = new Uint8Array(this.size);
    let offset = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }

  private flush(): void {
    if (this.pending === '') return;
    const bytes = encoder.encode(this.pending);
    this.chunks.push(bytes);
    this.size += bytes.length;
    this.pending = '';
  }
}

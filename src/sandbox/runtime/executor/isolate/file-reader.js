// A minimal FileReader over Blob.arrayBuffer()/text(), enough for the fetch
// classes to read bodies. (The Blob polyfill's own FileReader needs a DOM
// document for its events, which an isolate does not have.)
export class FileReader {
  constructor() {
    this.readyState = 0;
    this.result = null;
    this.error = null;
    this.onload = null;
    this.onerror = null;
    this.onloadend = null;
  }

  readAsArrayBuffer(blob) {
    this._read(blob.arrayBuffer());
  }

  readAsText(blob) {
    this._read(blob.text());
  }

  _read(promise) {
    this.readyState = 1;
    promise.then(
      (result) => {
        this.readyState = 2;
        this.result = result;
        if (this.onload) this.onload({ target: this });
        if (this.onloadend) this.onloadend({ target: this });
      },
      (error) => {
        this.readyState = 2;
        this.error = error;
        if (this.onerror) this.onerror({ target: this });
        if (this.onloadend) this.onloadend({ target: this });
      },
    );
  }
}

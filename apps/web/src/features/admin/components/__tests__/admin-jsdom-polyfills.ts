// jsdom has <dialog> but not showModal/close: without them a modal never opens in a component test.
// The real browser's behaviour (focus trap, Escape) is covered by the E2E run.
const proto = globalThis.HTMLDialogElement?.prototype;
if (proto && typeof proto.showModal !== 'function') {
  proto.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close = function close(this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}

// jsdom's Blob has no arrayBuffer(); the import sends a file's bytes as they are.
const blob = globalThis.Blob?.prototype;
if (blob && typeof blob.arrayBuffer !== 'function') {
  blob.arrayBuffer = function arrayBuffer(this: Blob) {
    return new Promise<ArrayBuffer>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error ?? new Error('read failed'));
      reader.readAsArrayBuffer(this);
    });
  };
}

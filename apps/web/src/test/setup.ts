import '@testing-library/jest-dom';
import { TextDecoder, TextEncoder } from 'node:util';
import { FakeEventSource } from './fake-event-source';

// What jsdom lacks and the app (or react-router) uses.
Object.assign(globalThis, { TextEncoder, TextDecoder, EventSource: FakeEventSource });

// jsdom knows <dialog> but not its modal API.
if (!HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    if (!this.open) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}

Object.defineProperty(navigator, 'clipboard', {
  configurable: true,
  value: { writeText: jest.fn(async () => {}) },
});

afterEach(() => {
  FakeEventSource.reset();
});

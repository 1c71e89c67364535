import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';
import { TextDecoder, TextEncoder } from 'node:util';
import { FakeEventSource } from './fake-event-source';

// findBy*/waitFor wait up to 5 s, not 1 s: on a loaded 2-core CI machine the admin console's first render is slow.
configure({ asyncUtilTimeout: 5_000 });

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

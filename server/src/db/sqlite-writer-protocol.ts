import { ConflictError, InvalidReferenceError } from './errors';
import type { Recorded } from './record-submission';
import type { NewSubmission } from './store';

/** The messages between the main thread and the SQLite writer thread (sqlite-writer.ts). */
export type WriterRequest = { id: number; input: NewSubmission } | { close: true };
export type WriterReply = { id: number; ok: true; value: Recorded } | { id: number; ok: false; error: SentError };

/**
 * An error as data: a structured clone keeps an Error's message but not its class or fields,
 * and the error handler tells a conflict or a bad reference from a fault by class.
 */
export interface SentError {
  name: string;
  message: string;
  code?: unknown;
  entity?: string;
  field?: string;
}

export function sendError(error: unknown): SentError {
  if (error instanceof ConflictError) return { name: error.name, message: error.message, entity: error.entity, field: error.field };
  if (error instanceof Error) return { name: error.name, message: error.message, code: (error as { code?: unknown }).code };
  return { name: 'Error', message: String(error) };
}

export function receivedError(sent: SentError): Error {
  if (sent.name === 'ConflictError') return new ConflictError(sent.entity ?? '', sent.field ?? '', sent.message);
  if (sent.name === 'InvalidReferenceError') return new InvalidReferenceError();
  return Object.assign(new Error(sent.message), { name: sent.name, ...(sent.code !== undefined ? { code: sent.code } : {}) });
}

/**
 * The secret keys' passphrase, asked only when needed. When the keys are in
 * a passphrase-protected file (no OS keychain), the first command that
 * needs them rejects with `keys_locked`: the gate then asks the user for the
 * passphrase, has the shell open the key file with it (the shell keeps it
 * for the session), and runs the command again.
 */
import { getContext, setContext } from 'svelte';
import { errorCode, errorMessage } from './api';

const KEY = Symbol('keys-gate');

export class KeysGate {
  /** Whether the passphrase prompt is showing. */
  asking = $state(false);
  /** Why the last passphrase did not open the keys. */
  error = $state<string | null>(null);
  /** Whether the passphrase is being tried. */
  busy = $state(false);
  #answer: ((passphrase: string | null) => void) | null = null;
  readonly #unlock: (passphrase: string) => Promise<unknown>;

  /** A gate that opens the keys with `unlock` (the shell's `unlock_keys`). */
  constructor(unlock: (passphrase: string) => Promise<unknown>) {
    this.#unlock = unlock;
  }

  /**
   * Runs `action`; if the keys are locked, asks for the passphrase and runs
   * it again once they open. Resolves null when the user cancels the prompt;
   * any other error is thrown as is.
   */
  async run<T>(action: () => Promise<T>): Promise<T | null> {
    for (;;) {
      try {
        return await action();
      } catch (error) {
        if (errorCode(error) !== 'keys_locked') throw error;
        if (!(await this.#ask())) return null;
      }
    }
  }

  /** The user typed `passphrase` in the prompt. */
  submit(passphrase: string): void {
    this.#answer?.(passphrase);
  }

  /** The user closed the prompt. */
  cancel(): void {
    this.#answer?.(null);
  }

  /** Asks until a passphrase opens the keys (true) or the user cancels (false). */
  async #ask(): Promise<boolean> {
    this.error = null;
    this.asking = true;
    try {
      for (;;) {
        const passphrase = await new Promise<string | null>((resolve) => (this.#answer = resolve));
        if (passphrase === null) return false;
        this.busy = true;
        try {
          await this.#unlock(passphrase);
          return true;
        } catch (error) {
          this.error = errorMessage(error);
        } finally {
          this.busy = false;
        }
      }
    } finally {
      this.#answer = null;
      this.asking = false;
    }
  }
}

/** Makes `gate` the one the components below use. */
export function setKeysGate(gate: KeysGate): KeysGate {
  return setContext(KEY, gate);
}

/** The gate set by an enclosing component. */
export function getKeysGate(): KeysGate {
  return getContext<KeysGate>(KEY);
}

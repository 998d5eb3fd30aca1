/**
 * The state of one open draft: its request, the findings of the checks, the
 * preview, autosave and export. Components read it and call its methods;
 * they hold no logic of their own.
 */
import type { Pages } from './generated/Pages';
import type { Draft } from './generated/Draft';
import type { Field } from './generated/Field';
import type { Finding } from './generated/Finding';
import type { Lang } from './generated/Lang';
import type { Request } from './generated/Request';
import type { RequirementNotes } from './generated/RequirementNotes';
import type { SaveReceipt } from './generated/SaveReceipt';
import { UNEXPECTED_ERROR, errorCode, errorMessage, type Api } from './api';
import { withAnnexFile, withoutAnnexFile } from './annexes';
import { AutosaveQueue, type SaveState } from './autosave';
import { newItem } from './fields';
import { docxFileName, pdfFileName, xliffFileName } from './format';
import { addItem, duplicateItem, moveItem, removeItem } from './groups';
import { LatestRunner } from './latest';
import { getPath, setPath } from './paths';
import { defaultTranslationTarget } from './translation';

export type EditorApi = Pick<
  Api,
  | 'saveDraft'
  | 'checkRequest'
  | 'previewRequest'
  | 'exportPdf'
  | 'exportDocx'
  | 'exportXliff'
  | 'importXliff'
  | 'createFollowUp'
  | 'attachAnnexFile'
  | 'addressRequest'
  | 'refreshDirectoryAnswers'
  | 'annexLabels'
  | 'requirementNotes'
>;

/**
 * The answers a change of which changes what the directory answers for the
 * request (whether its basis is in force, the languages accepted): its
 * basis, its kind and its State.
 */
const DIRECTORY_ANSWERS_FOLLOW: ReadonlySet<string> = new Set(['basis.primary', 'kind', 'req_state']);

export type ExportState =
  | { kind: 'idle' }
  | { kind: 'running' }
  /** Written to `path`; `draft` when it is marked DRAFT (the request had errors). */
  | { kind: 'done'; path: string; draft: boolean }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string };

/**
 * Writing the request's free text as an XLIFF file for a translator. An
 * error says whether the core refused the request (`refused`: the reason,
 * e.g. it names no drafting language) or the file could not be written
 * (`write`).
 */
export type XliffExportState =
  | { kind: 'idle' }
  | { kind: 'running' }
  /** Written to `path`. */
  | { kind: 'done'; path: string }
  | { kind: 'cancelled' }
  | { kind: 'error'; cause: 'refused' | 'write'; message: string };

/**
 * Importing a translated XLIFF file as a new draft. An error says whether the
 * latest changes could not be saved first (`save`), the file could not be
 * read (`read`), or it was read but not imported (`import`; the message
 * names every unit at fault).
 */
export type ImportState =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'cancelled' }
  | { kind: 'error'; cause: 'save' | 'read' | 'import'; message: string };

/**
 * Creating the follow-up MLA request of a preservation request. An error
 * says whether the latest changes could not be saved first (`save`) or the
 * follow-up could not be created (`create`).
 */
export type FollowUpState =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'error'; cause: 'save' | 'create'; message: string };

/**
 * Attaching a file to an annex: which annex (from 0) is waiting for the
 * shell, or the error of the last attempt.
 */
export type AnnexFileState =
  | { kind: 'idle' }
  | { kind: 'running'; index: number }
  | { kind: 'error'; index: number; message: string };

export interface EditorTimings {
  /** Quiet period before an autosave, ms. */
  save: number;
  /** Quiet period before the checks run again, ms. */
  check: number;
  /** Quiet period before the preview is rebuilt, ms. */
  preview: number;
  /** Wait before a failed autosave is tried again, ms. */
  retry?: number;
}

export const DEFAULT_TIMINGS: EditorTimings = { save: 600, check: 300, preview: 400, retry: 3000 };

/** Whether a finding at `path` is at or under a visited answer. */
function isVisited(visited: ReadonlySet<string>, path: string): boolean {
  for (const v of visited) {
    if (path === v || path.startsWith(`${v}.`) || path.startsWith(`${v}[`)) return true;
  }
  return false;
}

function listAt(request: Request, path: string): unknown[] {
  const value = getPath(request, path);
  return Array.isArray(value) ? value : [];
}

export class Editor {
  readonly draftId: string;
  request = $state.raw<Request>() as Request;
  findings = $state.raw<Finding[]>([]);
  checksError = $state<string | null>(null);
  saveState = $state<SaveState>({ kind: 'saved' });
  revision = $state(0);
  /** The pages of the PDF the request makes, as the preview shows them. */
  pages = $state.raw<Pages | null>(null);
  previewError = $state<string | null>(null);
  previewPending = $state(false);
  exportState = $state<ExportState>({ kind: 'idle' });
  /** The Word document's export, as {@link exportState} for the PDF. */
  docxState = $state<ExportState>({ kind: 'idle' });
  /** The language the request is to be translated into. */
  translationTarget = $state<Lang>('en');
  xliffState = $state<XliffExportState>({ kind: 'idle' });
  importState = $state<ImportState>({ kind: 'idle' });
  followUpState = $state<FollowUpState>({ kind: 'idle' });
  annexFileState = $state<AnnexFileState>({ kind: 'idle' });
  /** Whether the PDF export appends the annexes' PDF and image files. */
  appendAnnexes = $state(false);
  /** An error as the user reads it, in the interface language. */
  private readonly describe: (error: unknown) => string;

  /**
   * What the copy of its State's directory entry the request carries says
   * beside each step, worded in {@link lang}; null without one. Asked again
   * when the State, its entry, the kind, the basis or the language change.
   */
  requirementNotes = $state.raw<RequirementNotes | null>(null);
  private notesAskedFor: unknown[] = [];
  private notesRun = 0;
  /**
   * The label of each annex, in order, as the document prints it (`1`, `2`
   * … or `A`, `B` … after the request's choice): the core's
   * (`annex_labels`), asked again when the annexes or the choice change.
   */
  annexLabels = $state.raw<string[]>([]);
  private annexLabelsAskedFor: unknown[] = [];
  private annexLabelsRun = 0;
  /** The draft's title as the store derives it; follows each save. */
  title = $state('');
  /** The language the findings' messages are worded in. */
  lang: Lang;
  /**
   * A new request starts calm: its findings show beside a field once its
   * step has been left, and all of them once the review is opened. A draft opened from the list shows them all at once.
   */
  private calm = $state(false);
  private visited = $state.raw<ReadonlySet<string>>(new Set());
  /** The findings shown beside fields and on the steps (the review lists every finding). */
  shownFindings = $derived.by(() => (this.calm ? this.findings.filter((f) => isVisited(this.visited, f.path)) : this.findings));

  private readonly api: EditorApi;
  private readonly autosave: AutosaveQueue<Request, SaveReceipt>;
  private readonly checks: LatestRunner<Request, Finding[]>;
  private readonly preview: LatestRunner<Request, Pages>;
  private previewActive = false;

  constructor(
    draft: Draft,
    api: EditorApi,
    timings: EditorTimings = DEFAULT_TIMINGS,
    lang: Lang = 'en',
    fresh = false,
    describe: (error: unknown) => string = errorMessage,
  ) {
    this.describe = describe;
    this.draftId = draft.summary.id;
    this.calm = fresh;
    this.lang = lang;
    this.request = draft.request;
    this.revision = Number(draft.summary.revision);
    this.title = draft.summary.title;
    this.translationTarget = defaultTranslationTarget(draft.request);
    this.api = api;
    this.autosave = new AutosaveQueue<Request, SaveReceipt>({
      save: (request) => api.saveDraft(this.draftId, request),
      delay: timings.save,
      onState: (state) => (this.saveState = state),
      onSaved: (receipt) => {
        this.revision = Number(receipt.revision);
        this.title = receipt.title;
      },
      describeError: describe,
      errorCode,
      retryDelay: timings.retry,
    });
    this.checks = new LatestRunner<Request, Finding[]>({
      run: (request) => api.checkRequest(request, this.lang),
      delay: timings.check,
      onResult: (findings) => {
        this.findings = findings;
        this.checksError = null;
      },
      onError: (error) => (this.checksError = this.describe(error)),
    });
    this.preview = new LatestRunner<Request, Pages>({
      run: (request) => api.previewRequest(request),
      delay: timings.preview,
      onResult: (pages) => {
        this.pages = pages;
        this.previewError = null;
        this.previewPending = false;
      },
      onError: (error) => {
        this.previewError = this.describe(error);
        this.previewPending = false;
      },
    });
  }

  /** Runs the checks on the request as opened, and asks for its directory notes. */
  start(): Promise<void> {
    return Promise.all([this.checks.now(this.request), this.refreshNotes(), this.refreshAnnexLabels()]).then(() => undefined);
  }

  /** The label of annex `index` (from 0), as the document prints it; its number until the core has answered. */
  annexLabel(index: number): string {
    return this.annexLabels[index] ?? String(index + 1);
  }

  /** Asks the core for the annexes' labels again if their number or the choice of labels changed. */
  private refreshAnnexLabels(): Promise<void> {
    const r = this.request;
    const askFor = [r.attachments.length, r.annex_labels];
    if (askFor.every((v, i) => v === this.annexLabelsAskedFor[i]) && askFor.length === this.annexLabelsAskedFor.length) return Promise.resolve();
    this.annexLabelsAskedFor = askFor;
    const run = ++this.annexLabelsRun;
    return this.api.annexLabels(r).then(
      (labels) => {
        if (run === this.annexLabelsRun) this.annexLabels = labels;
      },
      () => {
        if (run === this.annexLabelsRun) this.annexLabels = [];
      },
    );
  }

  /** Asks the core for the directory notes again if what they are made of changed. */
  private refreshNotes(): Promise<void> {
    const r = this.request;
    const askFor = [r.req_state, r.req_state_entry, r.kind, r.basis.primary, this.lang];
    if (askFor.length === this.notesAskedFor.length && askFor.every((v, i) => v === this.notesAskedFor[i])) return Promise.resolve();
    this.notesAskedFor = askFor;
    const run = ++this.notesRun;
    return this.api.requirementNotes(r, this.lang).then(
      (notes) => {
        if (run === this.notesRun) this.requirementNotes = notes;
      },
      () => {
        if (run === this.notesRun) this.requirementNotes = null;
      },
    );
  }

  /** Marks the answers at `paths` (and under them) as visited: their findings show from now on. */
  visit(paths: readonly string[]): void {
    if (!this.calm || paths.every((p) => this.visited.has(p))) return;
    this.visited = new Set([...this.visited, ...paths]);
  }

  /** Shows every finding from now on (the review was opened). */
  revealAll(): void {
    this.calm = false;
  }

  /**
   * Words the findings in `lang` from now on: the checks run again at once,
   * so that no message stays in the previous language.
   */
  setLang(lang: Lang): Promise<void> {
    if (lang === this.lang) return Promise.resolve();
    this.lang = lang;
    void this.refreshNotes();
    return this.checks.now(this.request);
  }

  /** The answer at a full path. */
  value(path: string): unknown {
    return getPath(this.request, path);
  }

  /** Sets the answer at a full path. */
  change(path: string, value: unknown): void {
    const before = this.request;
    this.replace(setPath(this.request, path, value));
    if (DIRECTORY_ANSWERS_FOLLOW.has(path)) void this.refreshDirectoryAnswers(before);
  }

  /** The request as it was when the answers from the directory were last brought up to date, while a refresh is under way. */
  private answersBefore: Request | null = null;

  /**
   * Asks the core to bring the answers the directory filled up to date
   * after a change from `before` (`refresh_directory_answers`), and takes
   * its answer as an edit when it changes anything. A refresh under way
   * keeps the request it started from; when the request changed while the
   * core answered, it is asked again about the request as it is now.
   */
  private async refreshDirectoryAnswers(before: Request): Promise<void> {
    if (this.answersBefore !== null) return;
    this.answersBefore = before;
    try {
      for (;;) {
        const asked = this.request;
        const refreshed = await this.api.refreshDirectoryAnswers(before, asked);
        if (this.request !== asked) continue;
        if (JSON.stringify(refreshed) !== JSON.stringify(asked)) this.replace(refreshed);
        return;
      }
    } catch {
      // The answers stay as they were: the checks still read the entry itself.
    } finally {
      this.answersBefore = null;
    }
  }

  /**
   * Appends a new empty item to the group `field` at `groupPath` (a copy of
   * the group's item template); returns its index.
   */
  addItem(groupPath: string, field: Field): number {
    const list = listAt(this.request, groupPath);
    this.change(groupPath, addItem(list, newItem(field)));
    return list.length;
  }

  /**
   * A new, empty person as the wizard defines one (the item template of
   * `persons`), set by the wizard from its definition; null until then.
   */
  personTemplate: unknown = null;

  /**
   * Adds a person named `name` to the persons concerned, from an answer
   * that names one (the person to be heard, an account's holder) and names
   * no one of the list yet; returns its index. The name goes whole into
   * the family name, for the drafter to complete on the step on persons
   * (nothing is guessed about which part is which). Nothing happens
   * without the template.
   */
  addPerson(name: string): number | null {
    if (this.personTemplate === null || typeof this.personTemplate !== 'object') return null;
    const person = { ...(structuredClone(this.personTemplate) as Record<string, unknown>), family_name: name.trim() };
    const list = listAt(this.request, 'persons');
    this.change('persons', addItem(list, person));
    return list.length;
  }

  /** The item last removed from a list, `label` naming it ("Person 2"), until it is put back or dismissed: the wizard offers to undo it. */
  removed = $state.raw<{ groupPath: string; index: number; item: unknown; label: string } | null>(null);

  removeItem(groupPath: string, index: number, label = ''): void {
    const list = listAt(this.request, groupPath);
    this.removed = { groupPath, index, item: $state.snapshot(list[index]), label };
    this.change(groupPath, removeItem(list, index));
  }

  /** Puts the item last removed back where it was; false when there is none. */
  undoRemoval(): boolean {
    const removed = this.removed;
    if (removed === null) return false;
    const list = listAt(this.request, removed.groupPath);
    const at = Math.min(removed.index, list.length);
    this.change(removed.groupPath, [...list.slice(0, at), removed.item, ...list.slice(at)]);
    this.removed = null;
    return true;
  }

  /** Forgets the item last removed: the offer to undo it goes. */
  dismissRemoval(): void {
    this.removed = null;
  }

  moveItem(groupPath: string, from: number, to: number): void {
    this.change(groupPath, moveItem(listAt(this.request, groupPath), from, to));
  }

  duplicateItem(groupPath: string, index: number): void {
    this.change(groupPath, duplicateItem(listAt(this.request, groupPath), index));
  }

  /** Keeps the preview up to date while it is on screen. */
  setPreviewActive(active: boolean): void {
    this.previewActive = active;
    if (active) {
      this.previewPending = true;
      void this.preview.now(this.request);
    }
  }

  /** Saves pending changes now; false when the save failed. */
  flush(): Promise<boolean> {
    return this.autosave.flush();
  }

  /**
   * Whether an export now would be a draft: the core marks the PDF DRAFT
   * while any error finding remains.
   */
  get exportsAsDraft(): boolean {
    return this.findings.some((f) => f.severity === 'error');
  }

  /**
   * Saves pending changes, then writes the PDF where the user chooses; the
   * core marks it DRAFT while the request still has errors.
   */
  exportPdf(): Promise<void> {
    return this.exportDocument('pdf');
  }

  /** As {@link exportPdf}, as an editable Word document. */
  exportDocx(): Promise<void> {
    return this.exportDocument('docx');
  }

  private async exportDocument(format: 'pdf' | 'docx'): Promise<void> {
    const set = (state: ExportState) => (format === 'pdf' ? (this.exportState = state) : (this.docxState = state));
    if ((format === 'pdf' ? this.exportState : this.docxState).kind === 'running') return;
    set({ kind: 'running' });
    // The document is made from the request on screen; a failed save is
    // reported by the save indicator and does not hold the export back.
    await this.flush();
    try {
      const result =
        format === 'pdf'
          ? await this.api.exportPdf(this.request, pdfFileName(this.request), this.appendAnnexes)
          : await this.api.exportDocx(this.request, docxFileName(this.request));
      set(result === null ? { kind: 'cancelled' } : { kind: 'done', path: result.path, draft: result.draft });
    } catch (error) {
      set({ kind: 'error', message: this.describe(error) });
    }
  }

  /**
   * Saves pending changes, then asks the shell for a file to keep with
   * annex `index` (from 0). The shell stores it and saves the draft with its
   * reference; the reference is then merged into the request on screen, so
   * that edits made meanwhile stay and the next autosave keeps the file.
   */
  async attachAnnexFile(index: number): Promise<void> {
    if (this.annexFileState.kind === 'running') return;
    this.annexFileState = { kind: 'running', index };
    await this.flush();
    try {
      const attached = await this.api.attachAnnexFile(this.draftId, this.request, index + 1);
      if (attached !== null) this.change('attachments', withAnnexFile(this.request, index, attached.file).attachments);
      this.annexFileState = { kind: 'idle' };
    } catch (error) {
      this.annexFileState = { kind: 'error', index, message: this.describe(error) };
    }
  }

  /** Removes the file of annex `index` (from 0); the annex stays. */
  removeAnnexFile(index: number): void {
    this.change('attachments', withoutAnnexFile(this.request, index).attachments);
  }

  /** Chooses the language of the next translation file. */
  setTranslationTarget(lang: Lang): void {
    this.translationTarget = lang;
    if (this.xliffState.kind !== 'running') this.xliffState = { kind: 'idle' };
  }

  /**
   * Saves pending changes, then writes the request's free text as an XLIFF
   * file for translation into {@link translationTarget}, where the user
   * chooses. The core refuses a request it cannot translate, with its reason.
   */
  async exportXliff(): Promise<void> {
    if (this.xliffState.kind === 'running') return;
    this.xliffState = { kind: 'running' };
    // The file is made from the request on screen; it is saved first so that
    // the translation imports against the same text.
    await this.flush();
    const target = this.translationTarget;
    try {
      const path = await this.api.exportXliff(this.request, target, xliffFileName(this.request, target));
      this.xliffState = path === null ? { kind: 'cancelled' } : { kind: 'done', path };
    } catch (error) {
      this.xliffState = { kind: 'error', cause: errorCode(error) === 'translation' ? 'refused' : 'write', message: this.describe(error) };
    }
  }

  /**
   * Saves pending changes, then imports a translated XLIFF file into this
   * draft as stored. The translation becomes a new draft, already saved, and
   * this one stays as it is; nothing is imported when the save fails or the
   * file does not fit. Resolves the new draft, or null (the state says why).
   */
  async importTranslation(): Promise<Draft | null> {
    if (this.importState.kind === 'running') return null;
    this.importState = { kind: 'running' };
    if (!(await this.flush())) {
      const message = this.saveState.kind === 'error' ? this.saveState.message : UNEXPECTED_ERROR;
      this.importState = { kind: 'error', cause: 'save', message };
      return null;
    }
    try {
      const draft = await this.api.importXliff(this.draftId);
      this.importState = draft === null ? { kind: 'cancelled' } : { kind: 'idle' };
      return draft;
    } catch (error) {
      this.importState = { kind: 'error', cause: errorCode(error) === 'file' ? 'read' : 'import', message: this.describe(error) };
      return null;
    }
  }

  /**
   * Saves pending changes, then creates the follow-up MLA request of this
   * preservation request, a new draft already saved. The core makes it from
   * the draft as stored, so nothing is created when the save fails. Resolves
   * the new draft, or null when it was not created (the state says why).
   */
  async createFollowUp(): Promise<Draft | null> {
    if (this.followUpState.kind === 'running') return null;
    this.followUpState = { kind: 'running' };
    if (!(await this.flush())) {
      const message = this.saveState.kind === 'error' ? this.saveState.message : UNEXPECTED_ERROR;
      this.followUpState = { kind: 'error', cause: 'save', message };
      return null;
    }
    try {
      const draft = await this.api.createFollowUp(this.draftId);
      this.followUpState = { kind: 'idle' };
      return draft;
    } catch (error) {
      this.followUpState = { kind: 'error', cause: 'create', message: this.describe(error) };
      return null;
    }
  }

  /**
   * Addresses the request from the directory to State `stateId` and, when
   * given, its authority `authorityId` (name, address, language of the
   * request, channel), as one edit saved like any other; resolves the notes
   * saying what was filled and why. The fields filled count as visited, so
   * their findings show at once.
   */
  async addressFromDirectory(stateId: string, authorityId: string | null): Promise<string[]> {
    const addressed = await this.api.addressRequest(this.request, stateId, authorityId, this.lang);
    this.replace(addressed.request);
    this.visit(['req_state', 'recv_auth.name', 'recv_auth.address', 'lang.request', 'channel.route', 'channel.means']);
    return addressed.notes;
  }

  dispose(): void {
    this.autosave.dispose();
    this.checks.dispose();
    this.preview.dispose();
  }

  private replace(request: Request): void {
    this.request = request;
    this.autosave.change(request);
    this.checks.schedule(request);
    void this.refreshNotes();
    void this.refreshAnnexLabels();
    if (this.previewActive) {
      this.previewPending = true;
      this.preview.schedule(request);
    }
    if (this.exportState.kind !== 'running') this.exportState = { kind: 'idle' };
    if (this.docxState.kind !== 'running') this.docxState = { kind: 'idle' };
    if (this.xliffState.kind !== 'running') this.xliffState = { kind: 'idle' };
    if (this.importState.kind !== 'running') this.importState = { kind: 'idle' };
    if (this.followUpState.kind === 'error') this.followUpState = { kind: 'idle' };
  }
}

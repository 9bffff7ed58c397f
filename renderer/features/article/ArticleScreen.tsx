import type { Editor } from '@tiptap/core';
import { EditorContent } from '@tiptap/react';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticlePatch, ArticleStatus, Priority, RevisionSummary } from '../../../shared/domain/article';
import type { Language } from '../../../shared/domain/settings';
import { ApiError } from '../../api';
import { deskApi } from '../../api/desk';
import { bodyAttributes, createBodyEditor } from '../../editor/createBodyEditor';
import type { EditorCallbacks } from '../../editor/createExtensions';
import { Toolbar } from '../../editor/Toolbar';
import { currentLanguage } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { useStore } from '../../lib/store';
import { CommentsPanel } from '../comments/CommentsPanel';
import { ArticleSidePanel, type SideTab } from '../desk/ArticleSidePanel';
import { notifyDeskChanged } from '../desk/deskChanges';
import { HistoryViewer } from '../history/HistoryViewer';
import type { HistoryView } from '../history/historyView';
import { SessionHistoryPanel } from '../history/SessionHistoryPanel';
import { uploadImage } from '../media/uploadImage';
import { MetadataPanel, type MetadataFields } from '../metadata/MetadataPanel';
import { PublishingPanel } from '../publishing/PublishingPanel';
import { useSettings } from '../settings/SettingsContext';
import { StatusBar } from '../status-bar/StatusBar';
import { ActionBar } from '../workflow/ActionBar';
import { PriorityDeadlineFields } from '../workflow/PriorityDeadlineFields';
import { ReadOnlyBanner } from '../workflow/ReadOnlyBanner';
import { ArticleHeading } from './ArticleHeading';
import { ArticleSession } from './ArticleSession';
import { dropPrefetched, loadArticle } from './articleLoader';
import { SaveBanners } from './SaveBanners';
import { useViewState } from './useViewState';
import { useRevealMatch, type RevealRequest } from '../search/useRevealMatch';
import { spellingApi } from '../../api/spelling';
import type { SpellMenuRequest } from '../../editor/extensions/spelling/SpellCheck';
import { acceptedWords, dictionaryChanges } from '../spelling/dictionaryChanges';
import { SpellMenu } from '../spelling/SpellMenu';
import type { FieldSpellingOptions } from '../spelling/FieldSpelling';

declare global {
  interface Window {
    /** Only with `?bench=1`: the body editor, for the typing and opening benchmarks. */
    __midadBench?: { editor: Editor };
  }
}

const NOTHING_IGNORED: ReadonlySet<string> = new Set();

const BENCH = new URLSearchParams(window.location.search).get('bench') === '1';

interface Fields extends MetadataFields {
  subtitle: string;
  priority: Priority;
  deadline: string | null;
}

function fieldsOf(session: ArticleSession): Fields {
  const { article } = session;
  return {
    title: article.title,
    subtitle: article.subtitle,
    excerpt: article.excerpt,
    section: article.section,
    tags: article.tags,
    byline: article.byline,
    slug: article.slug,
    featuredMedia: article.featuredMedia,
    priority: article.priority,
    deadline: article.deadline,
  };
}

/** Something said about one opened article (a refused paste, an upload error). */
interface Said<T> {
  session: ArticleSession | null;
  value: T;
}

/**
 * The open article: title and kicker, toolbar, body, status bar and the metadata panel, with
 * autosave. One instance (and one body editor) serves every article the user opens: switching
 * fetches the next article while the current one stays on screen, then swaps the editor's
 * document in the same commit that shows the new title (ArticleSession). Typing touches only
 * the editor, the save queue's dirty flag and two debouncers; saving re-renders only the status
 * bar and the banners.
 */
export const ArticleScreen = memo(function ArticleScreen({
  articleId,
  onSaved,
  reveal = null,
}: {
  articleId: string;
  onSaved: (id: string) => void;
  /** A search match to select and scroll to once the article is open. */
  reveal?: RevealRequest | null;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { settings } = useSettings();
  const [session, setSession] = useState<ArticleSession | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [reloads, setReloads] = useState(0);
  const [edited, setEdited] = useState<Said<Fields | null>>({ session: null, value: null });
  const [notice, setNotice] = useState<Said<((language: Language) => string) | null>>({ session: null, value: null });
  const [featuredError, setFeaturedError] = useState<Said<string | null>>({ session: null, value: null });
  // The core may change the slug on a save (it follows the title, or gains -2): show what is
  // stored, unless the user is typing in the slug field right now.
  const showStoredSlug = useRef((target: ArticleSession, slug: string) => {
    const active = document.activeElement;
    if (active instanceof HTMLElement && active.dataset.testid === 'meta-slug') return;
    setEdited((previous) => {
      const base = previous.session === target ? previous.value : fieldsOf(target);
      if (!base || base.slug === slug) return previous;
      return { session: target, value: { ...base, slug } };
    });
  });
  const [historyView, setHistoryView] = useState<Said<HistoryView | null>>({ session: null, value: null });
  const [sideTab, setSideTab] = useState<SideTab>('meta');
  const [commentStart, setCommentStart] = useState(0);
  const sessionRef = useRef<ArticleSession | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const latest = useRef({ onSaved, settings, language });
  latest.current = { onSaved, settings, language };

  const callbacks = useRef<EditorCallbacks>({ onImageFiles: () => undefined, onPasteRefused: () => undefined });
  const [editor] = useState(() => createBodyEditor(callbacks.current, t('editor.bodyLabel')));

  const insertImages = useCallback(async (files: File[], position: number | undefined) => {
    const target = sessionRef.current;
    if (!target) return;
    setNotice({ session: target, value: null });
    let at = position;
    for (const file of files) {
      try {
        const hash = await uploadImage(file, latest.current.settings.maxImageBytes);
        // Uploaded after the user moved on: the image belongs to the article it was given to.
        if (editor.isDestroyed || sessionRef.current !== target) return;
        editor.chain().focus().insertFigure({ hash, alt: '', caption: '' }, at).run();
        at = undefined;
      } catch (error) {
        const apiError = ApiError.from(error);
        setNotice({ session: target, value: (lang: Language) => apiError.localized(lang) });
      }
    }
  }, [editor]);
  callbacks.current.onImageFiles = (files, position) => void insertImages(files, position);
  callbacks.current.onAddComment = () => {
    setSideTab('comments');
    setCommentStart((count) => count + 1);
  };
  // Writing aids read the settings at each keystroke; 'warn' reports a mark on part of a word.
  callbacks.current.settings = () => latest.current.settings;
  callbacks.current.onPartialWordMark = () => {
    setNotice({ session: sessionRef.current, value: (lang: Language) => i18n.t('writing.partialWordWarning', { lng: lang }) });
  };
  callbacks.current.onPasteRefused = (size, limit) => {
    setNotice({
      session: sessionRef.current,
      value: (lang: Language) => i18n.t('notice.pasteTooLarge', { lng: lang, size: formatNumber(size, lang), limit: formatNumber(limit, lang) }),
    });
  };

  // Spelling: the core judges words; the menu is Midad's; "ignore" lasts until the article is
  // closed (the set is dropped with its session).
  const [spellMenu, setSpellMenu] = useState<SpellMenuRequest | null>(null);
  const ignoredWords = useRef(new Map<string, Set<string>>());
  callbacks.current.checkSpelling = async (words) => (await spellingApi.check({ words })).misspelled;
  callbacks.current.onSpellMenu = setSpellMenu;
  const spellIgnored = useCallback(() => ignoredWords.current.get(sessionRef.current?.article.id ?? '') ?? NOTHING_IGNORED, []);
  callbacks.current.spellIgnored = spellIgnored;
  const onSpellIgnore = useCallback(
    (word: string) => {
      const id = sessionRef.current?.article.id;
      if (!id) return;
      const ignored = ignoredWords.current.get(id) ?? new Set<string>();
      ignored.add(word);
      ignoredWords.current.set(id, ignored);
      editor.storage.spellCheck.checker.refresh();
    },
    [editor],
  );
  const onSpellMenuClose = useCallback(() => setSpellMenu(null), []);
  // The title, kicker and excerpt share the article's ignored words.
  const fieldSpelling = useMemo<FieldSpellingOptions>(
    () => ({ enabled: settings.spellcheck, ignored: spellIgnored, onIgnore: onSpellIgnore }),
    [settings.spellcheck, spellIgnored, onSpellIgnore],
  );
  // A word added from any spelling menu loses its underlines; one removed in Settings is judged again.
  useEffect(() => {
    const { checker } = editor.storage.spellCheck;
    const offAccepted = acceptedWords.subscribe(() => {
      const accepted = acceptedWords.get();
      if (accepted) checker.accept(accepted.word);
    });
    const offRemoved = dictionaryChanges.subscribe(() => checker.reset());
    return () => {
      offAccepted();
      offRemoved();
    };
  }, [editor]);

  // The automatic direction and the spelling underlines are decorations: switching either on or
  // off redraws them (the plugins read the settings at this transaction).
  useEffect(() => {
    if (!editor.isDestroyed && editor.isInitialized) editor.view.dispatch(editor.state.tr.setMeta('midadSettings', [settings.autoDirection, settings.spellcheck]));
  }, [editor, settings.autoDirection, settings.spellcheck]);

  // The editor is the window's: made once, destroyed with the screen.
  useEffect(() => {
    if (BENCH) window.__midadBench = { editor };
    return () => {
      if (BENCH && window.__midadBench?.editor === editor) delete window.__midadBench;
      editor.destroy();
    };
  }, [editor]);

  const bodyLabel = t('editor.bodyLabel');
  useEffect(() => {
    const attributes = editor.options.editorProps.attributes as Record<string, string> | undefined;
    if (attributes?.['aria-label'] === bodyLabel) return;
    editor.setOptions({ editorProps: { ...editor.options.editorProps, attributes: bodyAttributes(bodyLabel) } });
  }, [editor, bodyLabel]);

  useEffect(() => {
    let cancelled = false;
    const active = sessionRef.current;
    if (active && active.article.id === articleId) {
      // Reopening the article that is open (a reload after a conflict): let go of it first so
      // its last save is tracked and the stored copy is read after it.
      active.close();
      dropPrefetched();
      setSession(null);
    }
    setLoading(true);
    loadArticle(articleId).then(
      ({ article, viewState }) => {
        if (cancelled) return;
        // The benchmark splits opening into fetching (up to here) and rendering (from here).
        if (BENCH) performance.mark('midad:article-data', { detail: article.id });
        const opened: ArticleSession = new ArticleSession(article, viewState, editor, (id, response) => {
          latest.current.onSaved(id);
          if (response.slug !== undefined) showStoredSlug.current(opened, response.slug);
        });
        setSession(opened);
        setProblem(null);
        setLoading(false);
      },
      (error: unknown) => {
        if (cancelled) return;
        setSession(null);
        setProblem(ApiError.from(error));
        setLoading(false);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [articleId, reloads, editor]);

  // Swap the article into the editor in the commit that shows its title. The outgoing article
  // is closed first (cleanups run before setups): its body is captured and its save sent while
  // the editor still holds it.
  useLayoutEffect(() => {
    if (!session) return;
    session.open();
    sessionRef.current = session;
    return () => {
      setSpellMenu(null);
      ignoredWords.current.delete(session.article.id);
      session.close();
      if (sessionRef.current === session) sessionRef.current = null;
    };
  }, [session]);

  useViewState(editor, scrollRef, session?.viewTarget ?? null);
  useRevealMatch(editor, session?.article.id ?? null, reveal);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        sessionRef.current?.queue.saveNow();
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);

  const initialFields = useMemo(() => (session ? fieldsOf(session) : null), [session]);
  const fields = session && edited.session === session ? edited.value : initialFields;

  const change = useCallback(
    (patch: ArticlePatch) => {
      if (!session) return;
      setEdited((previous) => ({ session, value: { ...(previous.session === session ? previous.value : fieldsOf(session))!, ...patch } as Fields }));
      session.change(patch);
    },
    [session],
  );

  const uploadFeatured = useCallback(
    async (file: File) => {
      const target = session;
      setFeaturedError({ session: target, value: null });
      try {
        const hash = await uploadImage(file, latest.current.settings.maxImageBytes);
        if (sessionRef.current === target) change({ featuredMedia: hash });
      } catch (error) {
        setFeaturedError({ session: target, value: ApiError.from(error).localized(latest.current.language) });
      }
    },
    [session, change],
  );
  const onUploadFeatured = useCallback((file: File) => void uploadFeatured(file), [uploadFeatured]);
  const onPickImage = useCallback(() => fileRef.current?.click(), []);
  const onManualSave = useCallback(() => sessionRef.current?.queue.saveNow(), []);
  const onBodyStart = useCallback(() => editor.commands.focus('start'), [editor]);
  const onReload = useCallback(() => setReloads((count) => count + 1), []);
  const onAddComment = useCallback(() => callbacks.current.onAddComment?.(), []);

  // Before a transition or a restore: what was typed is stored first, so the core acts on it
  // and the version moves on from it.
  const beforeAct = useCallback(async () => {
    const current = sessionRef.current;
    if (!current || current.readOnly) return true;
    await current.queue.flush();
    const kind = current.queue.current.kind;
    return !current.queue.hasUnsavedChanges() && kind !== 'error' && kind !== 'conflict';
  }, []);
  const afterDeskChange = useCallback(() => {
    notifyDeskChanged();
    setHistoryView({ session: null, value: null });
    onReload();
  }, [onReload]);
  const onRestore = useCallback(
    async (revision: RevisionSummary) => {
      const current = sessionRef.current;
      if (!current) return;
      if (!(await beforeAct())) {
        throw new ApiError({ code: 'VERSION_CONFLICT', message: i18n.t('workflow.unsaved', { lng: 'en' }), messageAr: i18n.t('workflow.unsaved', { lng: 'ar' }) });
      }
      await deskApi.restoreRevision(revision.id, current.queue.version);
      afterDeskChange();
    },
    [beforeAct, afterDeskChange, i18n],
  );
  const showHistory = useCallback((view: HistoryView) => setHistoryView({ session: sessionRef.current, value: view }), []);
  const closeHistory = useCallback(() => setHistoryView({ session: null, value: null }), []);

  const shownNotice = notice.session === session ? notice.value : null;
  const shownFeaturedError = featuredError.session === session ? featuredError.value : null;
  const shownHistory = session && historyView.session === session ? historyView.value : null;
  const readOnly = session?.readOnly ?? false;

  return (
    <>
      <main className={`workspace__main${session ? '' : ' workspace__main--message'}`} id="main" aria-label={t('editor.bodyLabel')} aria-busy={loading || undefined}>
        {session && <ActionBar key={session.key} article={session.article} beforeAct={beforeAct} onActed={afterDeskChange} />}
        {session && <ReadOnlyBanner article={session.article} />}
        {session && <SessionBanners session={session} onReload={onReload} />}
        {shownNotice && (
          <div className="banner banner--notice" role="alert" data-testid="editor-notice">
            <div className="banner__text">{shownNotice(language)}</div>
            <button type="button" className="button button--quiet" onClick={() => setNotice({ session, value: null })}>{t('banner.dismiss')}</button>
          </div>
        )}
        {!session &&
          (problem && !loading ? (
            <p className="form-error" role="alert">{t('editor.loadError', { message: problem.localized(language) })}</p>
          ) : (
            <p className="placeholder-text" aria-busy="true">{t('editor.loading')}</p>
          ))}
        {/* Always mounted, hidden until an article is in: EditorContent must never remount. */}
        {session && shownHistory && <HistoryViewer articleId={session.article.id} view={shownHistory} onClose={closeHistory} />}
        <div className="editor-scroll" ref={scrollRef} data-testid="editor-scroll" hidden={!session || shownHistory !== null}>
          <div className="article-column">
            {session && fields && (
              <ArticleHeading
                key={session.key}
                title={fields.title}
                subtitle={fields.subtitle}
                focusTitle={session.isNew}
                onChange={change}
                onDone={onBodyStart}
                readOnly={readOnly}
                spelling={fieldSpelling}
              />
            )}
            {!readOnly && <Toolbar editor={editor} onPickImage={onPickImage} onManualSave={onManualSave} onAddComment={onAddComment} />}
            <input
              ref={fileRef}
              type="file"
              accept="image/png,image/jpeg,image/gif,image/webp"
              multiple
              hidden
              aria-label={t('toolbar.image')}
              data-testid="image-input"
              onChange={(event) => {
                const files = Array.from(event.target.files ?? []);
                event.target.value = '';
                if (files.length > 0) void insertImages(files, undefined);
              }}
            />
            <EditorContent editor={editor} className="article-body" data-testid="editor" />
          </div>
        </div>
        {session && <SessionStatusBar session={session} wordsPerMinute={settings.wordsPerMinute} />}
        <SpellMenu editor={editor} request={spellMenu} onClose={onSpellMenuClose} onIgnore={onSpellIgnore} />
      </main>
      {session && fields && (
        <ArticleSidePanel
          key={session.key}
          tab={sideTab}
          onTab={setSideTab}
          panels={{
            meta: (
              <SessionMetadata
                session={session}
                fields={fields}
                status={session.article.status}
                onChange={change}
                onUploadFeatured={onUploadFeatured}
                uploadError={shownFeaturedError}
                readOnly={readOnly}
                spelling={fieldSpelling}
              >
                <PriorityDeadlineFields priority={fields.priority} deadline={fields.deadline} readOnly={readOnly} onChange={change} />
              </SessionMetadata>
            ),
            comments: <CommentsPanel session={session} editor={editor} startToken={commentStart} />,
            history: <SessionHistoryPanel session={session} visible={sideTab === 'history'} shown={shownHistory} onShow={showHistory} onRestore={onRestore} />,
            publishing: <PublishingPanel articleId={session.article.id} visible={sideTab === 'publishing'} onArticleChanged={afterDeskChange} />,
          }}
        />
      )}
    </>
  );
});

/** Save failure and conflict banners: re-render with the save state, nothing else does. */
const SessionBanners = memo(function SessionBanners({ session, onReload }: { session: ArticleSession; onReload: () => void }) {
  const { state, failure } = useStore(session.save);
  return <SaveBanners state={state} failure={failure} onRetry={() => session.queue.retryNow()} onReload={onReload} />;
});

const SessionStatusBar = memo(function SessionStatusBar({ session, wordsPerMinute }: { session: ArticleSession; wordsPerMinute: number }) {
  const { state } = useStore(session.save);
  const { words, characters } = useStore(session.stats);
  return <StatusBar saveState={state} words={words} characters={characters} wordsPerMinute={wordsPerMinute} />;
});

interface SessionMetadataProps {
  session: ArticleSession;
  fields: MetadataFields;
  status: ArticleStatus;
  onChange: (patch: ArticlePatch) => void;
  onUploadFeatured: (file: File) => void;
  uploadError: string | null;
  readOnly: boolean;
  children?: ReactNode;
  spelling?: FieldSpellingOptions;
}

/** The metadata panel, fed the body's images from the counts store. */
const SessionMetadata = memo(function SessionMetadata({ session, ...props }: SessionMetadataProps) {
  const { images } = useStore(session.stats);
  return <MetadataPanel {...props} bodyImages={images} />;
});

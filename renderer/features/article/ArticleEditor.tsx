import { createDocument, type Editor, type JSONContent } from '@tiptap/core';
import { EditorState } from '@tiptap/pm/state';
import { EditorContent, useEditor } from '@tiptap/react';
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article, ArticlePatch } from '../../../shared/domain/article';
import type { Language } from '../../../shared/domain/settings';
import type { DocNode } from '../../../shared/editor/docSchema';
import { cleanSingleLine } from '../../../shared/text/arabic';
import { api, ApiError } from '../../api';
import { createExtensions } from '../../editor/createExtensions';
import { Toolbar } from '../../editor/Toolbar';
import { currentLanguage } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { uploadImage } from '../media/uploadImage';
import { MetadataPanel, type MetadataFields } from '../metadata/MetadataPanel';
import { registerFlusher, trackPending } from '../save/flushRegistry';
import { SaveQueue, type SaveState } from '../save/SaveQueue';
import { useSettings } from '../settings/SettingsContext';
import { StatusBar } from '../status-bar/StatusBar';
import { SaveBanners, type SaveFailure } from './SaveBanners';
import { useBodyStats } from './useBodyStats';
import { useViewState, type ViewState } from './useViewState';

declare global {
  interface Window {
    /** Only with `?bench=1`: the open editor, for the typing and opening benchmarks. */
    __midadBench?: { editor: Editor };
  }
}

interface Fields extends MetadataFields {
  subtitle: string;
}

export interface ArticleEditorProps {
  article: Article;
  viewState: ViewState | null;
  onSaved: (articleId: string) => void;
  onReload: () => void;
}

const BENCH = new URLSearchParams(window.location.search).get('bench') === '1';

/**
 * One open article: title and kicker, toolbar, body, status bar and the metadata panel, with
 * autosave. Keyed by article (and reload), so everything here lives exactly as long as the
 * article is open. Typing touches only the editor, the save queue's dirty flag and two
 * debouncers; nothing here re-renders per keystroke.
 */
export function ArticleEditor({ article, viewState, onSaved, onReload }: ArticleEditorProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { settings } = useSettings();
  const [fields, setFields] = useState<Fields>(() => ({
    title: article.title,
    subtitle: article.subtitle,
    excerpt: article.excerpt,
    section: article.section,
    tags: article.tags,
    byline: article.byline,
    slug: article.slug,
    featuredMedia: article.featuredMedia,
  }));
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'saved', at: new Date(article.updatedAt) });
  // Kept as a function of the language so a notice follows a language switch.
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const [notice, setNotice] = useState<((language: Language) => string) | null>(null);
  const [featuredError, setFeaturedError] = useState<string | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const editorRef = useRef<Editor | null>(null);
  const latest = useRef({ onSaved, t, language, settings });
  latest.current = { onSaved, t, language, settings };
  const ids = { title: useId(), subtitle: useId() };

  const queue = useMemo(
    () =>
      new SaveQueue({
        baseVersion: article.version,
        send: (patch, baseVersion, reason) => api.saveArticle(article.id, baseVersion, patch, reason),
        readBody: () => editorRef.current!.getJSON() as DocNode,
        onState: (state) => {
          setSaveState(state);
          if (state.kind === 'error') setFailure({ error: state.error, retryAt: state.retryAt });
          else if (state.kind !== 'saving') setFailure(null); // only a retry in flight keeps the banner
        },
        onSaved: () => latest.current.onSaved(article.id),
      }),
    [article.id, article.version],
  );

  const insertImages = useCallback(async (files: File[], position: number | undefined) => {
    setNotice(null);
    let at = position;
    for (const file of files) {
      try {
        const hash = await uploadImage(file, latest.current.settings.maxImageBytes);
        const editor = editorRef.current;
        if (!editor || editor.isDestroyed) return;
        editor.chain().focus().insertFigure({ hash, alt: '', caption: '' }, at).run();
        at = undefined;
      } catch (error) {
        const apiError = ApiError.from(error);
        setNotice(() => (lang: Language) => apiError.localized(lang));
      }
    }
  }, []);

  const bodyLabel = useRef(t('editor.bodyLabel'));
  bodyLabel.current = t('editor.bodyLabel');

  const editor = useEditor(
    {
      extensions: createExtensions({
        onImageFiles: (files, position) => void insertImages(files, position),
        onPasteRefused: (size, limit) => {
          setNotice(() => (lang: Language) => i18n.t('notice.pasteTooLarge', { lng: lang, size: formatNumber(size, lang), limit: formatNumber(limit, lang) }));
        },
      }),
      // Empty at creation: the article is loaded once the editor is in the page (below).
      // Creating it with the content would build the DOM twice, because EditorContent rebuilds
      // every node when it attaches the node views.
      content: null,
      textDirection: 'rtl',
      editorProps: {
        attributes: () => ({
          id: 'article-body',
          class: 'article-body__content',
          'aria-label': bodyLabel.current,
          'aria-multiline': 'true',
          lang: 'ar',
          spellcheck: 'true',
        }),
      },
    },
    [],
  );
  editorRef.current = editor;

  useLayoutEffect(() => {
    // A fresh state (not setContent) so opening is not an undoable step and not a change to save.
    const doc = createDocument(article.body as JSONContent, editor.schema);
    editor.view.updateState(EditorState.create({ doc, plugins: editor.state.plugins }));
    // Opening is done: the article is in the page and editable.
    if (BENCH) window.__midadBench = { editor };
  }, [editor, article.body]);

  const { stats, noteChange } = useBodyStats(editor, { words: article.wordCount, characters: article.charCount });

  useEffect(() => {
    const onUpdate = () => {
      queue.changeBody();
      noteChange();
    };
    editor.on('update', onUpdate);
    return () => {
      editor.off('update', onUpdate);
      if (BENCH && window.__midadBench?.editor === editor) delete window.__midadBench;
    };
  }, [editor, queue, noteChange]);

  useEffect(() => {
    const unregister = registerFlusher(() => queue.flush());
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        queue.saveNow();
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      unregister();
      // The editor is destroyed right after this; take the body out of it first.
      queue.captureBody();
      trackPending(queue.flush().finally(() => queue.dispose()));
    };
  }, [queue]);

  const isNew = !article.title && article.wordCount === 0;
  useViewState(editor, scrollRef, article.id, viewState, !isNew);
  useEffect(() => {
    if (isNew) titleRef.current?.focus();
  }, [isNew]);

  const change = useCallback(
    (patch: ArticlePatch) => {
      setFields((previous) => ({ ...previous, ...patch }) as Fields);
      queue.change(patch);
    },
    [queue],
  );

  const uploadFeatured = useCallback(
    async (file: File) => {
      setFeaturedError(null);
      try {
        change({ featuredMedia: await uploadImage(file, latest.current.settings.maxImageBytes) });
      } catch (error) {
        setFeaturedError(ApiError.from(error).localized(latest.current.language));
      }
    },
    [change],
  );

  return (
    <>
      <main className="workspace__main" id="main" aria-label={t('editor.bodyLabel')}>
        <SaveBanners state={saveState} failure={failure} onRetry={() => queue.retryNow()} onReload={onReload} />
        {notice && (
          <div className="banner banner--notice" role="alert" data-testid="editor-notice">
            <div className="banner__text">{notice(language)}</div>
            <button type="button" className="button button--quiet" onClick={() => setNotice(null)}>{t('banner.dismiss')}</button>
          </div>
        )}
        <div className="editor-scroll" ref={scrollRef} data-testid="editor-scroll">
          <div className="article-column">
            <label htmlFor={ids.title} className="visually-hidden">{t('editor.titleLabel')}</label>
            <input
              ref={titleRef}
              id={ids.title}
              className="article-title"
              type="text"
              dir="auto"
              maxLength={500}
              value={fields.title}
              placeholder={t('editor.titlePlaceholder')}
              data-testid="title-input"
              onChange={(event) => change({ title: cleanSingleLine(event.target.value) })}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  document.getElementById(ids.subtitle)?.focus();
                }
              }}
            />
            <label htmlFor={ids.subtitle} className="visually-hidden">{t('editor.subtitleLabel')}</label>
            <input
              id={ids.subtitle}
              className="article-subtitle"
              type="text"
              dir="auto"
              maxLength={500}
              value={fields.subtitle}
              placeholder={t('editor.subtitlePlaceholder')}
              data-testid="subtitle-input"
              onChange={(event) => change({ subtitle: cleanSingleLine(event.target.value) })}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  editor.commands.focus('start');
                }
              }}
            />
            <Toolbar editor={editor} onPickImage={() => fileRef.current?.click()} onManualSave={() => queue.saveNow()} />
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
        <StatusBar saveState={saveState} words={stats.words} characters={stats.characters} wordsPerMinute={settings.wordsPerMinute} />
      </main>
      <MetadataPanel
        fields={fields}
        status={article.status}
        bodyImages={stats.images}
        onChange={change}
        onUploadFeatured={(file) => void uploadFeatured(file)}
        uploadError={featuredError}
      />
    </>
  );
}

import { memo, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticlePatch, ArticleStatus } from '../../../shared/domain/article';
import { mediaPath } from '../../../shared/ipc/contract';
import { cleanSingleLine, stripBidiControls } from '../../../shared/text/arabic';
import { cleanTypedSlug, slugFromTitle } from '../../../shared/text/slug';
import { useSettings } from '../settings/SettingsContext';
import { currentLanguage } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { formatTags, parseTags } from './tags';
import { FieldSpelling, type FieldSpellingOptions } from '../spelling/FieldSpelling';

export interface MetadataFields {
  title: string;
  excerpt: string;
  section: string;
  tags: string[];
  byline: string;
  slug: string;
  featuredMedia: string | null;
}

export interface MetadataPanelProps {
  fields: MetadataFields;
  status: ArticleStatus;
  /** Images in the body, in order: the candidates for the featured image. */
  bodyImages: string[];
  onChange: (patch: ArticlePatch) => void;
  onUploadFeatured: (file: File) => void;
  uploadError: string | null;
  /** The article cannot be edited by this user now: every field is shown disabled. */
  readOnly?: boolean;
  /** Desk fields (priority, deadline), under the status. */
  children?: ReactNode;
  /** Midad's spell checking of the excerpt (FieldSpelling); none without it. */
  spelling?: FieldSpellingOptions;
}

/** Everything about the article that is not its text: excerpt, section, tags, byline, slug, featured image. */
export const MetadataPanel = memo(function MetadataPanel({ fields, status, bodyImages, onChange, onUploadFeatured, uploadError, readOnly = false, children, spelling }: MetadataPanelProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { settings } = useSettings();
  // What the core makes of the title (the newsroom's style, docs/slugs.md) while the slug follows it.
  const titleSlug = slugFromTitle(fields.title, settings.slugStyle);
  const ids = { heading: useId(), excerpt: useId(), section: useId(), tags: useId(), tagsHelp: useId(), byline: useId(), slug: useId(), featured: useId() };
  // The tag field keeps what was typed (a trailing comma included); the article gets the parsed list.
  const [tagText, setTagText] = useState(() => formatTags(fields.tags, language));
  const fileRef = useRef<HTMLInputElement>(null);
  const excerptRef = useRef<HTMLTextAreaElement>(null);

  const candidates = [...bodyImages];
  if (fields.featuredMedia && !candidates.includes(fields.featuredMedia)) candidates.push(fields.featuredMedia);

  return (
    <aside className="meta" aria-labelledby={ids.heading} data-testid="metadata-panel">
      <h2 id={ids.heading} className="meta__title">{t('meta.label')}</h2>
      <p className="meta__status">
        <span>{t('meta.status')}: </span>
        <span className={`status-pill status-pill--${status}`}>{t(`articleStatus.${status}`)}</span>
      </p>
      <fieldset className="meta__fields" disabled={readOnly} data-testid="meta-fields">
      {children}

      <div className="field">
        <label htmlFor={ids.excerpt}>{t('meta.excerpt')}</label>
        <textarea ref={excerptRef} id={ids.excerpt} rows={4} maxLength={5000} value={fields.excerpt} data-testid="meta-excerpt" dir="auto"
          onChange={(event) => onChange({ excerpt: stripBidiControls(event.target.value) })} />
        {spelling && (
          <FieldSpelling
            fields={{ excerpt: fields.excerpt }}
            label={t('spelling.fields.excerpt')}
            options={spelling}
            readOnly={readOnly}
            onReplace={(_field, value) => onChange({ excerpt: stripBidiControls(value) })}
            focusField={() => excerptRef.current?.focus()}
          />
        )}
      </div>

      <div className="field">
        <label htmlFor={ids.section}>{t('meta.section')}</label>
        <input id={ids.section} type="text" maxLength={200} value={fields.section} data-testid="meta-section" dir="auto"
          onChange={(event) => onChange({ section: cleanSingleLine(event.target.value) })} />
      </div>

      <div className="field">
        <label htmlFor={ids.tags}>{t('meta.tags')}</label>
        <input id={ids.tags} type="text" value={tagText} data-testid="meta-tags" dir="auto" aria-describedby={ids.tagsHelp}
          onChange={(event) => {
            const text = cleanSingleLine(event.target.value);
            setTagText(text);
            onChange({ tags: parseTags(text) });
          }} />
        <p id={ids.tagsHelp} className="field__help">{t('meta.tagsHelp')}</p>
        {fields.tags.length > 0 && (
          <ul className="chips" aria-label={t('meta.tags')}>
            {fields.tags.map((tag) => <li key={tag} className="chip" dir="auto">{tag}</li>)}
          </ul>
        )}
      </div>

      <div className="field">
        <label htmlFor={ids.byline}>{t('meta.byline')}</label>
        <input id={ids.byline} type="text" maxLength={300} value={fields.byline} data-testid="meta-byline" dir="auto"
          onChange={(event) => onChange({ byline: cleanSingleLine(event.target.value) })} />
      </div>

      <div className="field">
        <label htmlFor={ids.slug}>{t('meta.slug')}</label>
        <div className="field__row">
          <input id={ids.slug} type="text" maxLength={300} value={fields.slug} data-testid="meta-slug" dir="auto"
            placeholder={titleSlug}
            onChange={(event) => onChange({ slug: stripBidiControls(event.target.value).replace(/[\r\n]/g, '') })}
            onBlur={(event) => {
              const clean = cleanTypedSlug(event.target.value);
              if (clean !== fields.slug) onChange({ slug: clean });
            }} />
          <button type="button" className="button" data-testid="meta-slug-from-title" onClick={() => onChange({ slug: titleSlug })}>
            {t('meta.slugFromTitle')}
          </button>
        </div>
      </div>

      <div className="field">
        <label htmlFor={ids.featured}>{t('meta.featured')}</label>
        <select id={ids.featured} value={fields.featuredMedia ?? ''} data-testid="featured-image"
          onChange={(event) => onChange({ featuredMedia: event.target.value || null })}>
          <option value="">{t('meta.featuredNone')}</option>
          {candidates.map((hash, index) => (
            <option key={hash} value={hash}>{t('meta.imageN', { n: formatNumber(index + 1, language) })}</option>
          ))}
        </select>
        {fields.featuredMedia && (
          <img className="meta__featured-preview" src={mediaPath(fields.featuredMedia)} alt={t('meta.featured')} data-testid="featured-image-preview" />
        )}
        <button type="button" className="button" onClick={() => fileRef.current?.click()}>{t('meta.featuredUpload')}</button>
        <input ref={fileRef} type="file" accept="image/png,image/jpeg,image/gif,image/webp" hidden aria-label={t('meta.featuredUpload')} data-testid="featured-image-input"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) onUploadFeatured(file);
          }} />
        {uploadError && <p className="form-error" role="alert">{uploadError}</p>}
      </div>
      </fieldset>
    </aside>
  );
});

import { memo, useEffect, useId, useRef, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticlePatch } from '../../../shared/domain/article';
import { cleanSingleLine } from '../../../shared/text/arabic';
import { FieldSpelling, type FieldSpellingOptions } from '../spelling/FieldSpelling';

export interface ArticleHeadingProps {
  title: string;
  subtitle: string;
  /** A new, empty article: the caret starts in the title. */
  focusTitle: boolean;
  onChange: (patch: ArticlePatch) => void;
  /** Enter in the kicker: on to the body. */
  onDone: () => void;
  /** The user may not edit this article now. */
  readOnly?: boolean;
  /** Midad's spell checking of the title and kicker (FieldSpelling); none without it. */
  spelling?: FieldSpellingOptions;
}

/**
 * Pasted text with line breaks: one line, breaks as spaces, inserted where the caret is (the
 * browser would drop the breaks of a multi-line paste into a textarea only after inserting them).
 */
function pasteOneLine(event: ClipboardEvent<HTMLTextAreaElement>, apply: (value: string) => void): void {
  const text = event.clipboardData.getData('text/plain');
  if (!/[\r\n]/.test(text)) return;
  event.preventDefault();
  const field = event.currentTarget;
  const line = cleanSingleLine(text);
  const { selectionStart, selectionEnd, value } = field;
  const next = (value.slice(0, selectionStart) + line + value.slice(selectionEnd)).slice(0, field.maxLength > 0 ? field.maxLength : undefined);
  apply(next);
  const caret = Math.min(next.length, selectionStart + line.length);
  requestAnimationFrame(() => field.setSelectionRange(caret, caret));
}

/**
 * Title and kicker: single-line values (no line breaks, no bidi controls) shown in textareas
 * that wrap and grow with the text (CSS `field-sizing: content`, no script measuring), so a
 * long Arabic headline is never clipped. Enter moves on instead of breaking the line.
 */
export const ArticleHeading = memo(function ArticleHeading({ title, subtitle, focusTitle, onChange, onDone, readOnly = false, spelling }: ArticleHeadingProps) {
  const { t } = useTranslation();
  const ids = { title: useId(), subtitle: useId() };
  const titleRef = useRef<HTMLTextAreaElement>(null);
  const subtitleRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (focusTitle && !readOnly) titleRef.current?.focus();
  }, [focusTitle, readOnly]);

  const enterMoves = (next: () => void) => (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      next();
    }
  };

  return (
    <>
      <label htmlFor={ids.title} className="visually-hidden">{t('editor.titleLabel')}</label>
      <textarea
        ref={titleRef}
        id={ids.title}
        className="article-title"
        rows={1}
        dir="auto"
        maxLength={500}
        readOnly={readOnly}
        value={title}
        placeholder={t('editor.titlePlaceholder')}
        data-testid="title-input"
        onChange={(event) => onChange({ title: cleanSingleLine(event.target.value) })}
        onPaste={(event) => pasteOneLine(event, (value) => onChange({ title: cleanSingleLine(value) }))}
        onKeyDown={enterMoves(() => subtitleRef.current?.focus())}
      />
      <label htmlFor={ids.subtitle} className="visually-hidden">{t('editor.subtitleLabel')}</label>
      <textarea
        ref={subtitleRef}
        id={ids.subtitle}
        className="article-subtitle"
        rows={1}
        dir="auto"
        maxLength={500}
        readOnly={readOnly}
        value={subtitle}
        placeholder={t('editor.subtitlePlaceholder')}
        data-testid="subtitle-input"
        onChange={(event) => onChange({ subtitle: cleanSingleLine(event.target.value) })}
        onPaste={(event) => pasteOneLine(event, (value) => onChange({ subtitle: cleanSingleLine(value) }))}
        onKeyDown={enterMoves(onDone)}
      />
      {spelling && (
        <FieldSpelling
          fields={{ title, subtitle }}
          label={t('spelling.fields.heading')}
          options={spelling}
          readOnly={readOnly}
          onReplace={(field, value) => onChange({ [field]: cleanSingleLine(value) })}
          focusField={(field) => (field === 'title' ? titleRef : subtitleRef).current?.focus()}
        />
      )}
    </>
  );
});

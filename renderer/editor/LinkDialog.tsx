import type { Editor } from '@tiptap/core';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeLinkHref } from './linkHref';

/**
 * A small inline form under the toolbar for adding, changing or removing a link. Only http,
 * https and mailto are accepted, the same rule the core applies to stored bodies.
 */
export function LinkDialog({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const { t } = useTranslation();
  const initial = (editor.getAttributes('link').href as string | undefined) ?? '';
  const [value, setValue] = useState(initial);
  const [invalid, setInvalid] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const errorId = useId();

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const href = normalizeLinkHref(value);
    if (!href) {
      setInvalid(true);
      return;
    }
    const { empty } = editor.state.selection;
    if (empty && !editor.isActive('link')) {
      editor.chain().focus().insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
    } else {
      editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
    }
    onClose();
  };

  const remove = () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose();
  };

  return (
    <form
      className="link-dialog"
      role="dialog"
      aria-label={t('link.title')}
      data-testid="link-dialog"
      onSubmit={apply}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          editor.commands.focus();
          onClose();
        }
      }}
    >
      <label htmlFor={inputId}>{t('link.urlLabel')}</label>
      <input
        ref={inputRef}
        id={inputId}
        type="text"
        dir="ltr"
        inputMode="url"
        value={value}
        placeholder={t('link.urlPlaceholder')}
        aria-invalid={invalid}
        aria-describedby={invalid ? errorId : undefined}
        data-testid="link-input"
        onChange={(event) => {
          setValue(event.target.value);
          setInvalid(false);
        }}
      />
      <button type="submit" className="button button--primary" data-testid="link-apply">{t('link.apply')}</button>
      {initial && (
        <button type="button" className="button" data-testid="link-remove" onClick={remove}>{t('link.remove')}</button>
      )}
      <button
        type="button"
        className="button button--quiet"
        onClick={() => {
          editor.commands.focus();
          onClose();
        }}
      >
        {t('link.cancel')}
      </button>
      {invalid && <p id={errorId} className="form-error" role="alert" data-testid="link-error">{t('link.invalid')}</p>}
    </form>
  );
}

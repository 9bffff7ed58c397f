import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mediaPath } from '../../../../shared/ipc/contract';
import type { FigureAttributes } from './Figure';

/**
 * The image as the editor shows it: the picture, then labelled fields for alt text and
 * caption. The fields are ordinary inputs; Tiptap's node view stops their key events from
 * reaching the document.
 */
export function FigureView({ node, updateAttributes, deleteNode, selected }: ReactNodeViewProps) {
  const { t } = useTranslation();
  const { hash, alt, caption } = node.attrs as FigureAttributes;
  const [broken, setBroken] = useState(false);
  const altId = useId();
  const captionId = useId();
  return (
    <NodeViewWrapper as="figure" className={`figure${selected ? ' is-selected' : ''}`} data-testid="figure" dir={node.attrs.dir as string | undefined}>
      <div className="figure__frame" contentEditable={false} draggable data-drag-handle>
        {broken ? (
          <div className="figure__missing" role="img" aria-label={alt || t('figure.missing')}>
            {t('figure.missing')}
          </div>
        ) : (
          <img src={mediaPath(hash)} alt={alt} onError={() => setBroken(true)} draggable={false} />
        )}
      </div>
      <div className="figure__fields" contentEditable={false}>
        <label htmlFor={altId}>{t('figure.altLabel')}</label>
        <input
          id={altId}
          type="text"
          value={alt}
          maxLength={500}
          placeholder={t('figure.altPlaceholder')}
          data-testid="figure-alt"
          onChange={(event) => updateAttributes({ alt: event.target.value })}
        />
        <label htmlFor={captionId}>{t('figure.captionLabel')}</label>
        <input
          id={captionId}
          type="text"
          value={caption}
          maxLength={2000}
          placeholder={t('figure.captionPlaceholder')}
          data-testid="figure-caption"
          onChange={(event) => updateAttributes({ caption: event.target.value })}
        />
        <button type="button" className="button button--quiet" onClick={() => deleteNode()} aria-label={t('figure.remove')} title={t('figure.remove')}>
          {t('figure.remove')}
        </button>
      </div>
    </NodeViewWrapper>
  );
}

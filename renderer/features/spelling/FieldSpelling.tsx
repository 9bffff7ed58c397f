import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { spellTokens } from '../../../shared/text/spellTokens';
import { spellingApi } from '../../api/spelling';
import { WordVerdicts } from '../../editor/extensions/spelling/spellRanges';
import { acceptedWords, dictionaryChanges } from './dictionaryChanges';
import { SpellMenuView } from './SpellMenu';

/** What a plain field needs from the article screen to check its spelling. */
export interface FieldSpellingOptions {
  /** Settings → spell checking. */
  enabled: boolean;
  /** The words ignored in this article (shared with the body). */
  ignored: () => ReadonlySet<string>;
  onIgnore: (word: string) => void;
}

/** The article's plain text fields Midad checks. */
export type SpelledField = 'title' | 'subtitle' | 'excerpt';
type Field = SpelledField;
interface Misspelling {
  field: Field;
  word: string;
}
interface OpenMenu extends Misspelling {
  x: number;
  y: number;
}

const IDLE_MS = 400;
/** Verdicts already given by the core (shared by every plain field in the window; bounded). */
const verdicts = new WordVerdicts(5_000);
const remember = (word: string, misspelled: boolean) => verdicts.set(word, misspelled);

/** The fields' words the core must still judge, and those known to be misspelled. */
function judge(fields: Partial<Record<Field, string>>, ignored: ReadonlySet<string>): { unknown: string[]; misspelled: Misspelling[] } {
  const unknown = new Set<string>();
  const misspelled: Misspelling[] = [];
  const seen = new Set<string>();
  for (const field of Object.keys(fields) as Field[]) {
    for (const { word } of spellTokens(fields[field] ?? '')) {
      if (ignored.has(word)) continue;
      const verdict = verdicts.get(word);
      if (verdict === undefined) unknown.add(word);
      else if (verdict && !seen.has(`${field}\0${word}`)) {
        seen.add(`${field}\0${word}`);
        misspelled.push({ field, word });
      }
    }
  }
  return { unknown: [...unknown], misspelled };
}

/**
 * Spelling for plain text fields — the title and kicker, the excerpt — where Midad cannot draw
 * underlines (they live in the body editor; the built-in checker has no Arabic on Windows and
 * Linux): after a pause in typing, the misspelled words are listed under the field; a click on
 * one opens the same menu as in the body (suggestions replace the word in its field, add to
 * dictionary, ignore in this article).
 */
export function FieldSpelling({ fields, label, options, readOnly, onReplace, focusField }: {
  /** The fields checked, in order, with their current text. */
  fields: Partial<Record<Field, string>>;
  /** What the list is introduced with («إملاء العنوان:»). */
  label: string;
  options: FieldSpellingOptions;
  readOnly: boolean;
  onReplace: (field: Field, value: string) => void;
  focusField: (field: Field) => void;
}) {
  const { t } = useTranslation();
  const key = JSON.stringify(fields);
  const [misspelled, setMisspelled] = useState<Misspelling[]>([]);
  const [menu, setMenu] = useState<OpenMenu | null>(null);
  // Bumped to judge again without a text change (a word ignored or added).
  const [round, setRound] = useState(0);
  const latest = useRef(fields);
  latest.current = fields;
  const { enabled, ignored } = options;

  // A word added from the body's menu, or removed in Settings: judged again here too.
  useEffect(() => {
    const offAccepted = acceptedWords.subscribe(() => {
      const accepted = acceptedWords.get();
      if (accepted) remember(accepted.word, false);
      setRound((value) => value + 1);
    });
    const offRemoved = dictionaryChanges.subscribe(() => {
      verdicts.clear();
      setRound((value) => value + 1);
    });
    return () => {
      offAccepted();
      offRemoved();
    };
  }, []);

  useEffect(() => {
    if (!enabled || readOnly) {
      setMisspelled([]);
      return;
    }
    let cancelled = false;
    const timer = setTimeout(() => {
      const fields = JSON.parse(key) as Partial<Record<Field, string>>;
      const first = judge(fields, ignored());
      if (first.unknown.length === 0) {
        setMisspelled(first.misspelled);
        return;
      }
      spellingApi.check({ words: first.unknown }).then(
        ({ misspelled: wrong }) => {
          const flagged = new Set(wrong);
          for (const word of first.unknown) remember(word, flagged.has(word));
          if (!cancelled) setMisspelled(judge(fields, ignored()).misspelled);
        },
        (error: unknown) => {
          // Locked or signed out: what is known stays; the next change asks again.
          console.warn('[spelling] heading check failed', error);
        },
      );
    }, IDLE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [key, enabled, readOnly, ignored, round]);

  if (!enabled || readOnly || misspelled.length === 0) return null;

  const open = (item: Misspelling, button: HTMLElement) => {
    const box = button.getBoundingClientRect();
    const rtl = getComputedStyle(button).direction === 'rtl';
    setMenu({ ...item, x: rtl ? box.right : box.left, y: box.bottom + 2 });
  };

  /** The first occurrence of the word in its field, replaced (the field as it is now). */
  const replace = (item: Misspelling, suggestion: string) => {
    const value = latest.current[item.field] ?? '';
    const token = spellTokens(value).find((candidate) => candidate.word === item.word);
    if (!token) return;
    remember(suggestion, false);
    onReplace(item.field, value.slice(0, token.from) + suggestion + value.slice(token.to));
  };

  return (
    <div className="field-spelling" data-testid={`spelling-list-${Object.keys(fields).join('-')}`}>
      <span className="field-spelling__label">{label}</span>
      {misspelled.map((item) => (
        <button
          key={`${item.field}:${item.word}`}
          type="button"
          className="field-spelling__word"
          dir="auto"
          data-testid="field-misspelling"
          aria-haspopup="menu"
          aria-label={t('spelling.fields.wordLabel', { word: item.word, field: t(`spelling.fields.field.${item.field}`) })}
          onClick={(event) => open(item, event.currentTarget)}
        >
          {item.word}
        </button>
      ))}
      {menu && (
        <SpellMenuView
          key={`${menu.field}:${menu.word}:${menu.x}:${menu.y}`}
          word={menu.word}
          x={menu.x}
          y={menu.y}
          canReplace={!readOnly}
          onReplace={(suggestion) => replace(menu, suggestion)}
          onIgnore={(word) => {
            options.onIgnore(word);
            setRound((value) => value + 1);
          }}
          onClose={(refocus) => {
            const field = menu.field;
            setMenu(null);
            if (refocus) focusField(field);
          }}
        />
      )}
    </div>
  );
}

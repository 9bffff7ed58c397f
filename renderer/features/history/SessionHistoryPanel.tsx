import type { RevisionSummary } from '../../../shared/domain/article';
import { useStore } from '../../lib/store';
import type { ArticleSession } from '../article/ArticleSession';
import { HistoryPanel } from './HistoryPanel';
import type { HistoryView } from './historyView';

export interface SessionHistoryPanelProps {
  session: ArticleSession;
  visible: boolean;
  shown: HistoryView | null;
  onShow: (view: HistoryView) => void;
  onRestore: (revision: RevisionSummary) => Promise<void>;
}

/** The history panel of the open article, re-read after each save while it is on screen. */
export function SessionHistoryPanel({ session, visible, ...props }: SessionHistoryPanelProps) {
  const { state } = useStore(session.save);
  const refreshToken = visible && state.kind === 'saved' ? state.at.getTime() : visible ? 1 : 0;
  return <HistoryPanel article={session.article} refreshToken={refreshToken} {...props} />;
}

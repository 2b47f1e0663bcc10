import type { FieldIssue } from '../../../src/contract';
import type { MessageKey } from '../i18n';
import { issueText } from '../issueText';

/** Every problem the server named, listed once above the save button (each is also at its field). */
export function ErrorSummary({ title, issues, t }: { title: string; issues: readonly FieldIssue[]; t: (key: MessageKey) => string }) {
  if (issues.length === 0) return null;
  return (
    <div class="error-summary" role="alert">
      <p class="error">{title}</p>
      <ul>
        {issues.map((issue) => (
          <li key={`${issue.path}:${issue.message}`}>
            <code>{issue.path}</code>: {issueText(t, issue.message)}
          </li>
        ))}
      </ul>
    </div>
  );
}

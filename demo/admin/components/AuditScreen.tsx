import type { AuditEntry } from '../../../src/contract';
import { changedFields } from '../auditDiff';
import type { AuditType } from '../configModel';
import { catalogs, type MessageKey } from '../i18n';
import type { DashboardModel } from '../model';
import { DataTable } from './DataTable';
import { Section } from './Section';

const SHOWN_CHANGES = 6;

function who(model: DashboardModel, actor: string): string {
  const key = /^secret-key:([0-9a-f]+)$/.exec(actor);
  if (key) return model.t('actorKey', { key: key[1]! });
  return actor === 'merchant' || actor === 'customer' || actor === 'system' ? model.t(`actor_${actor}`) : actor;
}

function what(model: DashboardModel, action: string): string {
  const key = `action_${action.replaceAll('.', '_')}`;
  return key in catalogs.tr ? model.t(key as MessageKey) : action;
}

function Change({ model, entry }: { model: DashboardModel; entry: AuditEntry }) {
  if (entry.action === 'ledger.append') {
    const after = (entry.after ?? {}) as { kind?: unknown; delta?: unknown; description?: unknown };
    const delta = typeof after.delta === 'number' ? after.delta : 0;
    return (
      <span>
        {String(after.kind ?? '')} <strong>{delta > 0 ? `+${delta}` : delta}</strong>
        {typeof after.description === 'string' ? ` · ${after.description}` : ''}
      </span>
    );
  }
  if (entry.before === null) return <span>{model.t('created')}</span>;
  const changes = changedFields(entry.before, entry.after);
  if (changes.length === 0) return <span>{model.t('unchanged')}</span>;
  return (
    <ul class="changes">
      {changes.slice(0, SHOWN_CHANGES).map((c) => (
        <li key={c.path}>
          <code>{c.path}</code>: {c.before ?? '∅'} → {c.after ?? '∅'}
        </li>
      ))}
      {changes.length > SHOWN_CHANGES ? <li>+{changes.length - SHOWN_CHANGES}</li> : null}
    </ul>
  );
}

/** The append-only change log, newest first, a page at a time. */
export function AuditScreen({ model }: { model: DashboardModel }) {
  const { t, config } = model;
  const when = new Intl.DateTimeFormat(model.locale.value === 'tr' ? 'tr-TR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });
  return (
    <>
      <form
        class="toolbar range"
        onSubmit={(event) => {
          event.preventDefault();
          void config.loadAudit();
        }}
      >
        <label>
          {t('auditType')}
          <select value={config.auditType.value} onChange={(event) => (config.auditType.value = event.currentTarget.value as AuditType)}>
            <option value="config">{t('auditConfig')}</option>
            <option value="ledger">{t('auditLedger')}</option>
            <option value="all">{t('auditAll')}</option>
          </select>
        </label>
        <button type="submit" class="button button--primary">
          {t('apply')}
        </button>
      </form>
      <Section id="audit" title={t('auditTitle')} help={t('auditHelp')} model={model} data={config.audit.value} isEmpty={(page) => page.entries.length === 0}>
        {(page) => (
          <>
            <DataTable
              caption={t('auditTitle')}
              columns={[{ label: t('when') }, { label: t('who') }, { label: t('what') }, { label: t('subject') }, { label: t('change') }]}
              rows={page.entries.map((entry) => [
                <time dateTime={entry.at}>{when.format(new Date(entry.at))} UTC</time>,
                who(model, entry.actor),
                what(model, entry.action),
                <code>{entry.subject}</code>,
                <Change model={model} entry={entry} />,
              ])}
            />
            {page.nextCursor ? (
              <div class="actions">
                <button type="button" class="button" onClick={() => void config.loadAudit(true)}>
                  {t('loadMore')}
                </button>
              </div>
            ) : null}
          </>
        )}
      </Section>
    </>
  );
}

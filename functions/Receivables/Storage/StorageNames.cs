namespace Receivables.Storage;

/// <summary>
/// The one place that names the storage the app uses. Functions attributes, the local host, the Bicep
/// templates and the tests all refer to these names.
/// </summary>
public static class StorageNames
{
    /// <summary>The app setting / connection name for the app's data account (Functions "Connection" convention).</summary>
    public const string Connection = "ReceivablesStorage";

    public static class Containers
    {
        /// <summary>Users and ERPs upload ledger files here: <c>&lt;creditorId&gt;/&lt;file&gt;</c>.</summary>
        public const string Ledger = "ledger";

        /// <summary>Accepted ledger snapshots in the compact internal format, per creditor.</summary>
        public const string Snapshots = "snapshots";

        /// <summary>Tamper-evident archive of everything sent, received and decided.</summary>
        public const string Evidence = "evidence";

        /// <summary>Outgoing email as .eml when no SendGrid key is configured (the local default).</summary>
        public const string Outbox = "outbox";

        /// <summary>User-editable message templates (override the shipped defaults).</summary>
        public const string Templates = "templates";

        /// <summary>Leases for singleton work such as the timer slot.</summary>
        public const string Locks = "locks";

        /// <summary>Raw inbound reply payloads, stored before the webhook answers 2xx.</summary>
        public const string Inbound = "inbound";

        /// <summary>What the workspace reads per creditor (the portfolio index), kept current by the ledger and dunning.</summary>
        public const string Workspace = "workspace";

        /// <summary>Bank files (Nets OCR giro, camt.054) uploaded by users or the bank integration: <c>&lt;creditorId&gt;/&lt;file&gt;</c>.</summary>
        public const string Payments = "payments";

        public static readonly IReadOnlyList<string> All = [Ledger, Snapshots, Evidence, Outbox, Templates, Locks, Inbound, Workspace, Payments];
    }

    public static class Queues
    {
        /// <summary>Event Grid BlobCreated events for the ledger container (in Azure) or the local watcher.</summary>
        public const string LedgerUploaded = "ledger-uploaded";

        /// <summary>One message per reminder decided by the dunning cycle.</summary>
        public const string SendReminder = "send-reminder";

        /// <summary>Inbound replies stored by the webhook, processed asynchronously.</summary>
        public const string ProcessReply = "process-reply";

        /// <summary>Credit-hold signals for the ERP ("hold deliveries" / "lift").</summary>
        public const string CreditHold = "credit-hold";

        /// <summary>One message per shard of a creditor's debtors for a cycle date, queued by the dunning timer's planner.</summary>
        public const string DunningShard = "dunning-shard";

        /// <summary>Event Grid BlobCreated events for the payments container (in Azure) or the local watcher.</summary>
        public const string PaymentsUploaded = "payments-uploaded";

        public static readonly IReadOnlyList<string> All = [LedgerUploaded, SendReminder, ProcessReply, CreditHold, DunningShard, PaymentsUploaded];

        /// <summary>Where a message goes after <see cref="MaxDequeueCount"/> failed tries (Functions' convention).</summary>
        public static string Poison(string queue) => queue + "-poison";

        /// <summary>Functions' default maxDequeueCount; host.json sets the same value.</summary>
        public const int MaxDequeueCount = 5;
    }

    public static class Tables
    {
        public const string Ledgers = "Ledgers";
        public const string Debtors = "Debtors";

        /// <summary>Reply-token and email lookups across creditors (which case a reply belongs to).</summary>
        public const string CaseIndex = "CaseIndex";

        /// <summary>
        /// The one table that held every creditor's cases and the lookups before cases got a table per creditor; rows
        /// still found there are moved to <see cref="CasesOf"/> and <see cref="CaseIndex"/> on first use. Not created.
        /// </summary>
        public const string LegacyCases = "Cases";

        /// <summary>
        /// A creditor's cases and their due index: one table per creditor (<c>Cases</c> + 16 hex digits of the SHA-256 of
        /// the creditor id), created when the creditor is first worked on. A table per tenant keeps a creditor's
        /// scans and its retirement to its own table.
        /// </summary>
        public static string CasesOf(string creditorId) =>
            "Cases" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(creditorId)))[..16];
        public const string Tasks = "Tasks";
        public const string Outbound = "Outbound";
        public const string Replies = "Replies";
        public const string Plans = "Plans";
        public const string Runs = "Runs";

        /// <summary>Credit-hold state per debtor (held or lifted, which signals were delivered).</summary>
        public const string CreditHolds = "CreditHolds";

        /// <summary>Set-off (motregning) proposals with their drafted declaration and approval.</summary>
        public const string SetOffs = "SetOffs";

        /// <summary>Head of each evidence chain (last sequence and entry hash): writable, outside the WORM container.</summary>
        public const string EvidenceHeads = "EvidenceHeads";

        /// <summary>The creditor registry: creditors added, changed and retired at run time (the <c>creditors</c> commands).</summary>
        public const string Creditors = "Creditors";

        /// <summary>Bank transactions with their match decisions, payments applied until the ledger shows them, imported files.</summary>
        public const string Payments = "Payments";

        /// <summary>Links to debtors' pages (random id → debtor and case, expiry, revocation).</summary>
        public const string DebtorLinks = "DebtorLinks";

        /// <summary>The open tasks of each creditor ordered by urgency (what Today reads a page of), with their count.</summary>
        public const string TodayIndex = "TodayIndex";

        /// <summary>The ids of each debtor's tasks (what a debtor's page and the one-call-at-a-time check read).</summary>
        public const string TaskDebtors = "TaskDebtors";

        public static readonly IReadOnlyList<string> All = [Ledgers, Debtors, CaseIndex, Tasks, Outbound, Replies, Plans, Runs, EvidenceHeads, CreditHolds, SetOffs, Creditors, Payments, DebtorLinks, TodayIndex, TaskDebtors];
    }
}

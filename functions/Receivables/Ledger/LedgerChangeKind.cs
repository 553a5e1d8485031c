namespace Receivables.Ledger;

public enum LedgerChangeKind
{
    InvoiceAdded,
    PartiallyPaid,
    Paid,
    CreditNoteAdded,
    OpenAmountIncreased,
}

namespace Receivables.Ledger;

/// <summary>Reads open receivables out of a Norwegian SAF-T Financial file (1.10 and 1.30).</summary>
public sealed class SaftLedgerParser
{
    public IEnumerable<LedgerRow> Read(Stream stream, LedgerDiagnostics diagnostics)
    {
        _ = stream;
        diagnostics.Error(0, null, null, "SAF-T is not read yet");
        return [];
    }
}

namespace Receivables.Replies;

/// <summary>What became of an acknowledgement of a debtor's reply.</summary>
public enum Acknowledgement
{
    /// <summary>Sent (or already sent under the same reply's key).</summary>
    Sent,

    /// <summary>Nothing to say it with: no ledger entry for the debtor or no address.</summary>
    NothingToSay,

    /// <summary>The debtor already got this kind of acknowledgement within <see cref="RepliesOptions.AcknowledgeAtMostEvery"/>.</summary>
    AlreadyAcknowledged,
}

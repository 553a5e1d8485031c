namespace Receivables.Email;

/// <summary>
/// Names of the <see cref="OutboundEmail.CustomArgs"/> that tie a message to its case. SendGrid echoes custom_args as
/// top-level fields of every delivery event, so the event webhook finds the case by these names.
/// </summary>
public static class EmailCustomArgs
{
    public const string Creditor = "creditor";
    public const string Debtor = "debtor";
    public const string Case = "case";

    /// <summary>
    /// The message's idempotency key, on every message the SendGrid sender sends: after a crash between SendGrid's
    /// acceptance and the sender's proof, the Email Activity API is asked for this value before sending again.
    /// </summary>
    public const string Key = "receivables_key";
}

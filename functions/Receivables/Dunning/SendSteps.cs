namespace Receivables.Dunning;

/// <summary>Named points between the handler's steps; tests inject a failure at each to prove exactly-once sending.</summary>
public static class SendSteps
{
    public const string IntentRecorded = "intent-recorded";
    public const string EmailSent = "email-sent";
    public const string SentRecorded = "sent-recorded";
    public const string Archived = "archived";
}

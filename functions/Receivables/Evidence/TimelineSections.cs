namespace Receivables.Evidence;

/// <summary>The sections of the printable timeline, in the order they are printed.</summary>
public static class TimelineSections
{
    public const string Invoice = "invoice";
    public const string Reminder = "reminder";
    public const string Delivery = "delivery";
    public const string Reply = "reply";
    public const string Agreement = "agreement";
    public const string Payment = "payment";
    public const string Decision = "decision";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> Ordered = [Invoice, Reminder, Delivery, Reply, Agreement, Payment, Decision, Other];
}

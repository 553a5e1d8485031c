namespace Receivables.Plans;

/// <summary>Who asked for a repayment plan.</summary>
public enum ArrangementSource
{
    Reply,
    Person,
    EscalationGate,
}

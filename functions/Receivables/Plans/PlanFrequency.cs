namespace Receivables.Plans;

/// <summary>How often installments fall due.</summary>
public enum PlanFrequency
{
    Weekly,
    Fortnightly,
    Monthly,
}

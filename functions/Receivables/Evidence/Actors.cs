namespace Receivables.Evidence;

/// <summary>Who or what made a decision or produced an item.</summary>
public static class Actors
{
    public const string Rule = "rule";
    public const string Model = "model";
    public const string System = "system";

    public static string Person(string name) => "person:" + name;
}

namespace Receivables.Status;

/// <summary>A feature's part of a creditor's status: serialised as JSON under <see cref="Key"/>, printed as text.</summary>
public interface IStatusSection
{
    [System.Text.Json.Serialization.JsonIgnore]
    string Key { get; }

    [System.Text.Json.Serialization.JsonIgnore]
    string Title { get; }

    void WriteText(TextWriter writer, string indent);
}

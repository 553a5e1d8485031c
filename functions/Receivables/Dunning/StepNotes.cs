namespace Receivables.Dunning;

/// <summary>Lines an observer adds to the cycle's result (what the <c>cycle</c> command and the demo print).</summary>
public sealed class StepNotes
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> notes = new();

    public void Add(string note) => notes.Enqueue(note);

    public IReadOnlyList<string> All => [.. notes];
}

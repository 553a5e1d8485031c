namespace Receivables.Dunning;

/// <summary>States of a planned shard. A shard without a row has not finished yet.</summary>
public static class ShardStates
{
    public const string Done = "done";

    /// <summary>The shard failed its last allowed try and went to the poison queue (a later run catches its cases up).</summary>
    public const string Failed = "failed";

    /// <summary>A try failed; the queue retries it.</summary>
    public const string Retrying = "retrying";
}

namespace Receivables.Plans;

/// <summary>Rewrites a proposal's prose in a friendlier tone. Returns null when it cannot (no model configured, failure).</summary>
public interface IPlanWording
{
    Task<string?> RewriteAsync(string prose, string language, CancellationToken cancellationToken = default);
}

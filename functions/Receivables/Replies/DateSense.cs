namespace Receivables.Replies;

/// <summary>Whether a reply's dates point ahead (a promise) or back (a payment already made).</summary>
public enum DateSense
{
    Future,
    Past,
}

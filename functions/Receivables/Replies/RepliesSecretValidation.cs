using Microsoft.Extensions.Options;

namespace Receivables.Replies;

/// <summary>
/// Refuses to start with a route secret anyone could know: a sample's placeholder or fewer than
/// <see cref="RepliesOptions.MinSecretLength"/> characters (the message names the setting and how to fix it).
/// </summary>
public sealed class RepliesSecretValidation : IValidateOptions<RepliesOptions>
{
    public ValidateOptionsResult Validate(string? name, RepliesOptions options) =>
        options.SecretProblem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}

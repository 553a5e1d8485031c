using System.CommandLine;
using Microsoft.Extensions.Logging;
using Receivables.Common;
using Receivables.Local.Hosting;

namespace Receivables.Local.Commands;

/// <summary>Shared pieces of the operator commands: starting the local host and reporting errors a person can act on.</summary>
internal static class Cli
{
    public static readonly Option<bool> Verbose = new("--verbose") { Description = "Log what the handlers do (information level)." };

    /// <summary>Runs <paramref name="body"/> with a started local host; user errors print one clear line and exit 1.</summary>
    public static async Task<int> WithHost(ParseResult parse, Func<LocalHost, CancellationToken, Task<int>> body, CancellationToken cancellationToken, bool serve = false, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        try
        {
            await using var host = await LocalHost.StartAsync(new LocalHostSettings
            {
                Serve = serve,
                MinimumLogLevel = parse.GetValue(Verbose) || serve ? LogLevel.Information : LogLevel.Warning,
                Overrides = overrides ?? new Dictionary<string, string?>(),
            }, cancellationToken);
            return await body(host, cancellationToken);
        }
        catch (Exception e) when (UserError(e) is { } message)
        {
            await Console.Error.WriteLineAsync("error: " + message);
            return 1;
        }
    }

    public static string? UserError(Exception e) => e switch
    {
        ReceivablesException r => r.Message,
        Microsoft.Extensions.Options.OptionsValidationException o => string.Join(Environment.NewLine + "       ", o.Failures),
        FileNotFoundException f => f.Message,
        _ => null,
    };

    public static DateOnly? ParseDate(string? value, string option) =>
        value is null ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", out var date) ? date
        : throw new ReceivablesException($"{option} '{value}' is not a date in the form YYYY-MM-DD.");
}

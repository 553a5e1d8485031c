using Microsoft.Extensions.Options;

namespace Receivables.Dunning;

/// <summary>Fills what configuration left empty with <see cref="DunningDefaults"/>.</summary>
internal sealed class DunningDefaultsSetup : IPostConfigureOptions<DunningOptions>
{
    public void PostConfigure(string? name, DunningOptions options)
    {
        if (options.Rates.Count == 0)
        {
            options.Rates = DunningDefaults.Rates();
        }

        if (options.Inkassosats.Count == 0)
        {
            options.Inkassosats = DunningDefaults.Inkassosats();
        }

        if (!options.Policies.ContainsKey("b2c"))
        {
            options.Policies["b2c"] = DunningDefaults.Consumer();
        }

        if (!options.Policies.ContainsKey("b2b"))
        {
            options.Policies["b2b"] = DunningDefaults.Business();
        }

        options.Rates = [.. options.Rates.OrderBy(r => r.From)];
        options.Inkassosats = [.. options.Inkassosats.OrderBy(r => r.From)];
    }
}

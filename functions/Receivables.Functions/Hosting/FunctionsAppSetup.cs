using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Receivables.Hosting;

namespace Receivables.Functions.Hosting;

/// <summary>
/// The Azure host's composition root: everything <c>Program.cs</c> adds to the worker, in one place the tests call
/// the same way (so the service provider they check is the one Azure runs).
/// </summary>
public static class FunctionsAppSetup
{
    public static FunctionsApplicationBuilder AddReceivablesFunctionsApp(this FunctionsApplicationBuilder builder)
    {
        builder.Services.AddReceivables(builder.Configuration);
        builder.UseMiddleware<HttpErrorMiddleware>();
        return builder;
    }
}

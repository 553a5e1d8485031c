// Mirrors Microsoft.Azure.Functions.Worker.Builder.FunctionsApplication and FunctionsApplicationBuilder
// (Azure/azure-functions-dotnet-worker: src/DotNetWorker/Builder/FunctionsApplication.cs,
// src/DotNetWorker/Builder/FunctionsApplicationBuilder.cs). The builder implements IHostApplicationBuilder as the SDK's does.
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Microsoft.Azure.Functions.Worker.Builder;

public static class FunctionsApplication
{
    public static FunctionsApplicationBuilder CreateBuilder(string[] args) => throw null!;
}

public class FunctionsApplicationBuilder : IHostApplicationBuilder, IFunctionsWorkerApplicationBuilder
{
    internal FunctionsApplicationBuilder() => throw null!;

    public IDictionary<object, object> Properties => throw null!;

    IConfigurationManager IHostApplicationBuilder.Configuration => throw null!;

    public ConfigurationManager Configuration => throw null!;

    public IHostEnvironment Environment => throw null!;

    public ILoggingBuilder Logging => throw null!;

    public IMetricsBuilder Metrics => throw null!;

    public IServiceCollection Services => throw null!;

    public IHost Build() => throw null!;

    public void ConfigureContainer<TContainerBuilder>(IServiceProviderFactory<TContainerBuilder> factory, Action<TContainerBuilder>? configure = null)
        where TContainerBuilder : notnull => throw null!;

    public IFunctionsWorkerApplicationBuilder Use(Func<FunctionExecutionDelegate, FunctionExecutionDelegate> middleware) => throw null!;
}

using System.Reflection;
using System.Text.Json;
using Receivables.Functions.Triggers;

namespace Receivables.Tests.Functions;

/// <summary>
/// The Functions app's build output as the Functions host reads it: <c>functions.metadata</c>, written by the worker
/// SDK's generator from the [Function] attributes, beside <c>worker.config.json</c>, <c>extensions.json</c> and <c>host.json</c>.
/// </summary>
public static class FunctionsAppOutput
{
    public static string Folder => Path.GetFullPath(
        typeof(FunctionsAppOutput).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "FunctionsAppOutput").Value!);

    public static string File(string name) => Path.Combine(Folder, name);

    /// <summary>Every function of <c>functions.metadata</c> by name.</summary>
    public static IReadOnlyDictionary<string, JsonElement> Functions()
    {
        var path = File("functions.metadata");
        if (!System.IO.File.Exists(path))
        {
            throw new FileNotFoundException("functions.metadata is missing: the worker SDK did not generate it (build functions/Receivables.Functions).", path);
        }

        using var document = JsonDocument.Parse(System.IO.File.ReadAllText(path));
        return document.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone(), StringComparer.Ordinal);
    }

    /// <summary>The function's trigger binding (the one input binding whose type ends in "Trigger").</summary>
    public static JsonElement Trigger(JsonElement function) =>
        function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    public static string TriggerType(JsonElement function) => Trigger(function).GetProperty("type").GetString()!;

    /// <summary>The class the host activates for the function, from its entry point (<c>Namespace.Class.Method</c>).</summary>
    public static Type FunctionClass(JsonElement function)
    {
        var entryPoint = function.GetProperty("entryPoint").GetString()!;
        return typeof(DunningTimer).Assembly.GetType(entryPoint[..entryPoint.LastIndexOf('.')], throwOnError: true)!;
    }
}

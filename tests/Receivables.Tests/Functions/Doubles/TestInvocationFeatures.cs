using System.Collections;
using Microsoft.Azure.Functions.Worker;

namespace Receivables.Tests.Functions.Doubles;

/// <summary>The features of one test invocation (the worker looks up e.g. <c>IHttpRequestDataFeature</c> here).</summary>
public sealed class TestInvocationFeatures : IInvocationFeatures
{
    private readonly Dictionary<Type, object> features = [];

    public T? Get<T>() => features.TryGetValue(typeof(T), out var feature) ? (T)feature : default;

    public void Set<T>(T instance) => features[typeof(T)] = instance!;

    public IEnumerator<KeyValuePair<Type, object>> GetEnumerator() => features.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

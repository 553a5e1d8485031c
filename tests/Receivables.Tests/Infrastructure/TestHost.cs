using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Receivables.Local.Hosting;

namespace Receivables.Tests.Infrastructure;

/// <summary>
/// One Azurite process for the whole test run (started on first use, stopped when the run ends), with many storage
/// accounts so that every test gets an empty account of its own and tests can run in parallel.
/// </summary>
public static class TestHost
{
    private const int Accounts = 400;
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Azurite? azurite;
    private static int next;

    public static async Task<string> NewAccountAsync()
    {
        var emulator = await EmulatorAsync();
        var index = Interlocked.Increment(ref next);
        if (index > Accounts)
        {
            throw new InvalidOperationException($"More than {Accounts} storage accounts asked for; raise Storage.Accounts.");
        }

        return emulator.ConnectionStringFor(AccountName(index));
    }

    /// <summary>A started local host on a fresh account, with a data folder of its own and optional fake time.</summary>
    public static async Task<LocalHost> StartHostAsync(
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        TimeProvider? time = null,
        bool serve = false,
        string? connectionString = null,
        bool workspace = false)
    {
        var overrides = new Dictionary<string, string?>(TestSettings.Defaults);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        var dataPath = Path.Combine(Path.GetTempPath(), "receivables-tests", Guid.NewGuid().ToString("N")[..12]);
        return await LocalHost.StartAsync(new LocalHostSettings
        {
            DataPath = dataPath,
            ReadLocalSettingsFile = false,
            StorageConnectionString = connectionString ?? await NewAccountAsync(),
            Overrides = overrides,
            Serve = serve,
            Workspace = workspace,
            ConfigureServices = s =>
            {
                if (time is not null)
                {
                    s.RemoveAll<TimeProvider>();
                    s.AddSingleton(time);
                }

                services?.Invoke(s);
            },
        });
    }

    public static FakeTimeProvider ClockAt(string isoInstant) => new(DateTimeOffset.Parse(isoInstant, System.Globalization.CultureInfo.InvariantCulture));

    private static string AccountName(int index) => $"acct{index:D4}";

    private static async Task<Azurite> EmulatorAsync()
    {
        if (azurite is not null)
        {
            return azurite;
        }

        await Gate.WaitAsync();
        try
        {
            if (azurite is null)
            {
                var names = Enumerable.Range(1, Accounts).Select(AccountName).ToList();
                azurite = await Azurite.StartAsync(extraAccounts: names);
                AppDomain.CurrentDomain.ProcessExit += (_, _) => azurite.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            return azurite;
        }
        finally
        {
            Gate.Release();
        }
    }
}

/// <summary>Settings every test host starts with (a configured creditor); tests override what they exercise.</summary>
public static class TestSettings
{
    public const string Creditor = "acme";

    public static readonly IReadOnlyDictionary<string, string?> Defaults = new Dictionary<string, string?>
    {
        ["Receivables:Creditors:acme:Name"] = "Acme Verktøy AS",
        ["Receivables:Creditors:acme:OrgNumber"] = "999888777",
        ["Receivables:Creditors:acme:Email"] = "regnskap@acme.example",
        ["Receivables:Creditors:acme:Phone"] = "+47 22 33 44 55",
        ["Receivables:Creditors:acme:BankAccount"] = "12345678903",
        ["DunningSchedule"] = "0 0 6 * * *",

        // Tests of other behaviour run their fake clocks at any hour (06:00 UTC is 07:00 in Oslo, before the window):
        // the contact hours are on in the product and in ContactHoursTests, off here.
        ["Receivables:Channel:ContactHours"] = "false",
    };
}

/// <summary>Paths of files outside the test project: the repository root and ../shared/samples.</summary>
public static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "..", "shared", "samples");

    public static string Sample(params string[] parts) => Path.Combine([Samples, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Receivables.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root (Receivables.sln) not found above " + AppContext.BaseDirectory);
    }
}

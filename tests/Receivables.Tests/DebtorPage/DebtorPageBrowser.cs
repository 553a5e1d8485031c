using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Receivables.Tests.DebtorPage;

/// <summary>
/// One headless Chromium for the debtor page's browser tests: Debian's /usr/bin/chromium driven by Playwright's bundled
/// driver (Playwright's own browser download is not used), a fresh profile folder per run.
/// </summary>
public sealed class DebtorPageBrowser : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly string profile = Path.Combine(Path.GetTempPath(), "receivables-debtor-page-browser", Guid.NewGuid().ToString("N")[..12]);
    private IPlaywright? playwright;
    private IBrowserContext? context;

    /// <summary>Screenshots for docs/debtor-page.md: tests write here (test output folder).</summary>
    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots", "debtor-page");

    public IBrowserContext Context => context ?? throw new InvalidOperationException("The browser is not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: install Debian's chromium package (./receivables test does this).");
        }

        Directory.CreateDirectory(profile);
        Directory.CreateDirectory(Screenshots);
        playwright = await Playwright.CreateAsync();
        context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = Args,
            ViewportSize = new ViewportSize { Width = 1100, Height = 900 },
            Locale = "nb-NO",
        });
    }

    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var page = await Context.NewPageAsync();
        if (phone)
        {
            await page.SetViewportSizeAsync(390, 844);
        }

        return page;
    }

    /// <summary>axe-core's serious and critical violations on the page, as readable lines (empty: none).</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        AxeResult result = await page.RunAxe();
        return [.. result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact}: {v.Id} – {v.Help} ({string.Join("; ", v.Nodes.Select(n => string.Join(" ", n.Target)))})")];
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (context is not null)
        {
            await context.CloseAsync();
        }

        playwright?.Dispose();
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still hold a lock file for a moment; the temp folder is cleaned by the system.
        }
    }
}

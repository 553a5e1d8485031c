using System.Diagnostics;
using System.Text.Json;
using Receivables.Local.Hosting;

namespace Receivables.Tests.Hosting;

/// <summary>
/// One emulator per data folder (issue #20, defect 13): a run killed with <c>kill -9</c> leaves its Azurite running;
/// the next run on the folder reuses it instead of starting a second one on the same files.
/// </summary>
public sealed class AzuriteTests
{
    private static string NewFolder() => Path.Combine(Path.GetTempPath(), "receivables-azurite-tests", Guid.NewGuid().ToString("N")[..12]);

    /// <summary>Azurite processes whose command line names this data folder (Linux: /proc).</summary>
    private static int EmulatorsOn(string folder) => Directory.GetDirectories("/proc")
        .Select(d => Path.Combine(d, "cmdline"))
        .Count(cmdline =>
        {
            try
            {
                var args = File.ReadAllText(cmdline).Split('\0');
                return args.Any(a => a.Contains("azurite", StringComparison.OrdinalIgnoreCase)) && args.Contains(Path.GetFullPath(folder));
            }
            catch (IOException)
            {
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                return false;
            }
        });

    [Fact]
    public async Task An_emulator_left_running_on_a_data_folder_is_reused_by_the_next_start_not_doubled()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // counts processes through /proc
        }

        var folder = NewFolder();
        var orphan = await Azurite.StartAsync(folder);
        try
        {
            // The handle is dropped without stopping the emulator, as when its command is killed.
            await using var next = await Azurite.StartAsync(folder);

            EmulatorsOn(folder).ShouldBe(1);
            next.BlobPort.ShouldBe(orphan.BlobPort);
            next.ProcessId.ShouldBe(orphan.ProcessId);
            next.Owned.ShouldBeFalse("its owner (this process) still runs: shared, left running");
        }
        finally
        {
            await orphan.DisposeAsync();
        }

        EmulatorsOn(folder).ShouldBe(0);
    }

    [Fact]
    public async Task An_emulator_whose_owner_was_killed_is_taken_over_and_stopped_by_the_next_run()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // counts processes through /proc
        }

        var folder = NewFolder();
        var orphan = await Azurite.StartAsync(folder);
        try
        {
            // Its owner is gone: the lock file names a process that has exited.
            using (var gone = Process.Start("true")!)
            {
                await gone.WaitForExitAsync();
                var path = Path.Combine(folder, Azurite.LockFile);
                var recorded = JsonSerializer.Deserialize<Azurite.EmulatorLock>(await File.ReadAllTextAsync(path))!;
                await File.WriteAllTextAsync(path, JsonSerializer.Serialize(recorded with { Owner = gone.Id }));
            }

            var next = await Azurite.StartAsync(folder);
            EmulatorsOn(folder).ShouldBe(1);
            next.ProcessId.ShouldBe(orphan.ProcessId);
            next.Owned.ShouldBeTrue("the next run takes it over");
            await next.DisposeAsync();

            EmulatorsOn(folder).ShouldBe(0);
            File.Exists(Path.Combine(folder, Azurite.LockFile)).ShouldBeFalse();
        }
        finally
        {
            await orphan.DisposeAsync();
        }
    }
}

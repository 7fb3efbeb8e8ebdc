namespace Inquir.Typed.Package.Tests;

/// <summary>A lock held by one process of the machine at a time: a file in the temp folder opened with no sharing.</summary>
internal static class MachineWideLock
{
    public static async Task<IDisposable> TakeAsync(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), name + ".lock");
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (!patience.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), patience.Token);
            }
        }
    }
}

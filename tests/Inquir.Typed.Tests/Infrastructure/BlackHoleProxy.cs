using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Inquir.Typed.Tests.Infrastructure;

/// <summary>
/// A loopback TCP proxy in front of a server that can turn the connections it carries into a black hole: their bytes
/// stop going through but nothing is closed, as after a silent network drop or a failover behind a load balancer.
/// Connections opened later are carried normally.
/// </summary>
public sealed class BlackHoleProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _host;
    private readonly int _port;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<Link> _links = [];
    private readonly Task _accepting;

    private BlackHoleProxy(string host, int port)
    {
        _host = host;
        _port = port;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Connections => _links.Count;

    public static BlackHoleProxy Start(string host, int port) => new(host, port);

    /// <summary>Every connection open now stops carrying bytes, in both directions, and stays open.</summary>
    public void SwallowOpenConnections()
    {
        foreach (var link in _links)
        {
            link.Swallowing = true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var link in _links)
        {
            link.Dispose();
        }

        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var server = new TcpClient();
            await server.ConnectAsync(_host, _port, _stop.Token);
            var link = new Link(client, server);
            _links.Add(link);
            _ = link.PumpAsync(client.GetStream(), server.GetStream(), _stop.Token);
            _ = link.PumpAsync(server.GetStream(), client.GetStream(), _stop.Token);
        }
    }

    private sealed class Link(TcpClient client, TcpClient server) : IDisposable
    {
        private volatile bool _swallowing;

        public bool Swallowing
        {
            get => _swallowing;
            set => _swallowing = value;
        }

        public async Task PumpAsync(NetworkStream from, NetworkStream to, CancellationToken stop)
        {
            var buffer = new byte[16 * 1024];
            try
            {
                while (true)
                {
                    var read = await from.ReadAsync(buffer, stop);
                    if (read == 0)
                    {
                        Dispose();
                        return;
                    }

                    if (!Swallowing)
                    {
                        await to.WriteAsync(buffer.AsMemory(0, read), stop);
                    }
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
            {
                Dispose();
            }
        }

        public void Dispose()
        {
            client.Dispose();
            server.Dispose();
        }
    }
}

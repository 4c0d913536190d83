"""Drives berthd through docker-py (Debian's python3-docker), one case per argument, printing what the SDK saw.

The Java side (SdkParityIT) asserts on the printed lines; each case is a place where berthd once answered
differently from dockerd. Run: DOCKER_HOST=unix:///... python3 parity.py <case> <image>
"""
import sys

import docker

client = docker.from_env(version="1.41")
case, image = sys.argv[1], sys.argv[2]


def swarm_leave():
    # docker-py reads a 503 on a forced leave as "nothing to leave" (a 404 raised); unforced, it is an error.
    try:
        client.api.leave_swarm(force=True)
        print("forced leave: nothing to leave")
    except docker.errors.APIError as e:
        print("forced leave raised", e.status_code)
    try:
        client.api.leave_swarm(force=False)
        print("left")
    except docker.errors.APIError as e:
        print("status", e.status_code, e.explanation)


def default_log_driver():
    # docker-py returns a container's output only when its log driver is json-file or journald.
    out = client.containers.run(image, ["echo", "hello from berth"], remove=True)
    print("output", out.decode().strip())
    c = client.containers.create(image, ["true"], log_config={"type": "", "config": {}})
    print("type", client.api.inspect_container(c.id)["HostConfig"]["LogConfig"]["Type"])
    c.remove()
    try:
        client.containers.create(image, ["true"], log_config={"type": "no-such-driver"})
        print("created")
    except docker.errors.APIError as e:
        print("refused", e.status_code, e.explanation)


def remove_one_of_two_tags():
    img = client.images.get(image)
    img.tag("parity/two", "a")
    img.tag("parity/two", "b")
    client.images.remove("parity/two:b", force=True)
    print("tags", " ".join(sorted(t for t in client.images.get(image).tags if t.startswith("parity/"))))
    client.images.remove("parity/two:a")


def load_garbage():
    try:
        list(client.images.load(b"this is not an image archive"))
        print("loaded")
    except docker.errors.ImageLoadError as e:
        print("load error in the stream:", e)
    except docker.errors.APIError as e:
        print("http error", e.status_code)


def exec_framing_and_keys():
    c = client.containers.run(image, ["sleep", "60"], detach=True)
    try:
        # Created with a tty, started without: dockerd frames the output (docker-py demultiplexes it).
        e = client.api.exec_create(c.id, ["echo", "framed"], tty=True)
        print("output", repr(client.api.exec_start(e["Id"], tty=False)))
        try:
            client.api.exec_create(c.id, ["true"], detach_keys="ctrl-")
            print("detach keys accepted")
        except docker.errors.APIError as err:
            print("detach keys refused", err.status_code)
    finally:
        c.remove(force=True)


def attach_logs_of_exited():
    c = client.containers.run(image, ["echo", "said before"], detach=True)
    c.wait()
    print("attached", repr(c.attach(stdout=True, stderr=True, stream=False, logs=True)))
    c.remove()


def commit_just_exited():
    # docker-py's commit pauses by default; a container that has just exited is committed as it is, as by dockerd.
    done = 0
    for i in range(5):
        c = client.containers.run(image, ["touch", "/committed"], detach=True)
        try:
            c.commit(repository="parity/commit", tag=str(i))
            done += 1
        except docker.errors.APIError as e:
            print("refused", e.status_code, e.explanation)
        finally:
            c.remove(force=True)
    print("committed", done, "of 5")
    for i in range(5):
        try:
            client.images.remove("parity/commit:" + str(i))
        except docker.errors.APIError:
            pass


def registry_data():
    # GET /distribution/{name}/json: what the registry holds for a name, without pulling it.
    data = client.images.get_registry_data(image)
    print("digest", data.id)
    print("amd64", data.has_platform("linux/amd64"))


def network_with_a_space():
    net = client.networks.create("test 01")
    print("network", client.networks.get(net.id).name)
    net.remove()


def health_right_after_start():
    seen = []
    for _ in range(5):
        c = client.containers.run(image, ["sleep", "60"], detach=True,
                                  healthcheck={"test": ["CMD", "true"], "interval": 60 * 10**9})
        try:
            health = client.api.inspect_container(c.id)["State"].get("Health")
            seen.append(health["Status"] if health else "absent")
        finally:
            c.remove(force=True)
    print("health", " ".join(seen))


def networks_after_create():
    ipam = docker.types.IPAMConfig(pool_configs=[docker.types.IPAMPool(subnet="172.31.250.0/24")])
    net = client.networks.create("echonet", ipam=ipam)
    try:
        endpoint = client.api.create_endpoint_config(aliases=["first-alias"], ipv4_address="172.31.250.9",
                                                     driver_opt={"com.example.opt": "1"})
        c = client.api.create_container(image, ["sleep", "30"],
                                        host_config=client.api.create_host_config(network_mode="echonet"),
                                        networking_config=client.api.create_networking_config({"echonet": endpoint}))
        for when in ("created", "started"):
            if when == "started":
                client.api.start(c["Id"])
            n = client.api.inspect_container(c["Id"])["NetworkSettings"]["Networks"].get("echonet")
            print(when, n and n["Aliases"] and "first-alias" in n["Aliases"],
                  n and (n.get("IPAMConfig") or {}).get("IPv4Address"), n and (n.get("DriverOpts") or {}).get("com.example.opt"))
        client.api.remove_container(c["Id"], force=True)
    finally:
        net.remove()


def mac_address():
    c = client.api.create_container(image, ["sleep", "30"], mac_address="02:42:ac:11:00:0a")
    client.api.start(c["Id"])
    print("mac", client.api.inspect_container(c["Id"])["NetworkSettings"]["MacAddress"])
    print("inside", client.containers.get(c["Id"]).exec_run(["cat", "/sys/class/net/eth0/address"]).output.decode().strip())
    client.api.remove_container(c["Id"], force=True)


def build_stderr_and_cache_from():
    # dockerd's classic builder wraps a step's stderr in red; --cache-from trusts only the named images' steps.
    import io
    stderr = io.BytesIO(f'FROM {image}\nRUN sh -c ">&2 echo to-stderr"'.encode())
    lines = [c.get("stream") for c in client.api.build(fileobj=stderr, decode=True, nocache=True)]
    print("stderr red", "\x1b[91mto-stderr\n\x1b[0m" in lines)
    dockerfile = f"FROM {image}\nENV FOO=parity\nRUN touch /baz\nRUN touch /bax\n".encode()

    def cached(**kw):
        stream = client.api.build(fileobj=io.BytesIO(dockerfile), decode=True, **kw)
        return sum(1 for c in stream if "Using cache" in c.get("stream", ""))
    cached(tag="parity/cache1")
    print("from parity/cache1", cached(tag="parity/cache2", cache_from=["parity/cache1"]))
    client.api.remove_image("parity/cache2")
    print("from nosuchtag", cached(tag="parity/cache2", cache_from=["parity/nosuchtag"]))
    print("no cache_from", cached(tag="parity/cache3"))
    for t in ("parity/cache1", "parity/cache2", "parity/cache3"):
        client.api.remove_image(t)


def legacy_links():
    # --link on the default bridge: variables, /etc/hosts, the link's name in ps, inspect's form, docker rm --link.
    api = client.api
    target = api.create_container(image, ["sleep", "60"], environment={"FOO": "1"}, ports=[5432], name="parity-db")
    api.start(target)
    web = api.create_container(image, ["sh", "-c", "env; cat /etc/hosts"], name="parity-web",
                               host_config=api.create_host_config(links={"parity-db": "my-db"}))
    api.start(web)
    api.wait(web)
    logs = api.logs(web).decode()
    for want in ("MY_DB_NAME=/parity-web/my-db", "MY_DB_ENV_FOO=1", "MY_DB_PORT=tcp://", "MY_DB_PORT_5432_TCP_PORT=5432"):
        print("env", want, want in logs)
    print("hosts has alias", any(l.split()[1:2] == ["my-db"] for l in logs.splitlines() if l and l[0].isdigit()))
    names = [c["Names"] for c in api.containers(all=True) if c["Id"] == target["Id"]][0]
    print("names", sorted(names))
    print("inspect links", api.inspect_container(web)["HostConfig"]["Links"])
    api.remove_container("parity-web/my-db", link=True)
    names = [c["Names"] for c in api.containers(all=True) if c["Id"] == target["Id"]][0]
    print("names after rm --link", sorted(names))
    try:
        api.create_container(image, ["true"], host_config=api.create_host_config(links={"parity-nosuch": "x"}))
        print("created with a missing link")
    except docker.errors.APIError as e:
        print("missing link refused", e.status_code)
    api.remove_container(web, force=True)
    api.remove_container(target, force=True)


def network_links():
    # Links on a user network: inspect echoes them, and the alias resolves to its target for this container only.
    api = client.api
    net = api.create_network("parity-links")["Id"]
    try:
        c = api.create_container(image, ["sleep", "60"], host_config=api.create_host_config(network_mode="parity-links"),
                                 networking_config=api.create_networking_config({"parity-links": api.create_endpoint_config(
                                     links=[("parity-upstream", "bar")])}))
        api.start(c)
        print("create links", api.inspect_container(c)["NetworkSettings"]["Networks"]["parity-links"]["Links"])
        up = api.create_container(image, ["sleep", "60"], name="parity-upstream",
                                  host_config=api.create_host_config(network_mode="parity-links"))
        api.start(up)
        up_ip = api.inspect_container(up)["NetworkSettings"]["Networks"]["parity-links"]["IPAddress"]

        def lookup(container, name):
            ex = api.exec_create(container, ["nslookup", name])
            out = api.exec_start(ex).decode()
            return api.exec_inspect(ex)["ExitCode"], out
        code, out = lookup(c, "bar")
        print("bar resolves to upstream", code == 0 and up_ip in out)
        code, out = lookup(up, "bar")
        print("bar from another container", code)
        api.disconnect_container_from_network(c, "parity-links")
        api.connect_container_to_network(c, "parity-links", links=[("parity-upstream", "baz")],
                                         link_local_ips=["169.254.8.8"])
        n = api.inspect_container(c)["NetworkSettings"]["Networks"]["parity-links"]
        print("connect links", n["Links"], (n.get("IPAMConfig") or {}).get("LinkLocalIPs"))
        code, out = lookup(c, "baz")
        print("baz resolves to upstream", code == 0 and up_ip in out)
        api.remove_container(c, force=True)
        api.remove_container(up, force=True)
    finally:
        api.remove_network(net)


def ipv6():
    # An IPv6 network: inspect says so, containers get static or next addresses, reach each other, and resolve AAAA.
    api = client.api
    from docker.types import IPAMConfig, IPAMPool
    net = api.create_network("parity-v6", enable_ipv6=True, ipam=IPAMConfig(pool_configs=[
        IPAMPool(subnet="2001:389::/64", iprange="2001:389::/96", gateway="2001:389::ffff")]))["Id"]
    try:
        info = api.inspect_network(net)
        print("enabled", info["EnableIPv6"], sorted(c["Subnet"] for c in info["IPAM"]["Config"])[-1])
        hc = api.create_host_config(network_mode="parity-v6")
        a = api.create_container(image, ["sleep", "60"], name="parity-v6-a", host_config=hc,
                                 networking_config=api.create_networking_config({"parity-v6": api.create_endpoint_config(
                                     ipv6_address="2001:389::f00d")}))
        api.start(a)
        n = api.inspect_container(a)["NetworkSettings"]["Networks"]["parity-v6"]
        print("static", n["IPAMConfig"]["IPv6Address"], n["GlobalIPv6Address"], n["GlobalIPv6PrefixLen"], n["IPv6Gateway"])
        b = api.create_container(image, ["sleep", "60"], host_config=hc)
        api.start(b)
        print("next", api.inspect_container(b)["NetworkSettings"]["Networks"]["parity-v6"]["GlobalIPv6Address"])

        def run(container, cmd):
            ex = api.exec_create(container, cmd)
            out = api.exec_start(ex).decode()
            return api.exec_inspect(ex)["ExitCode"], out
        code, out = run(a, ["cat", "/proc/net/if_inet6"])
        print("inside", "2001038900000000000000000000f00d" in out.replace(" ", ""))
        code, out = run(b, ["ping", "-c", "1", "-W", "5", "2001:389::f00d"])
        print("ping", code)
        code, out = run(b, ["nslookup", "-type=AAAA", "parity-v6-a"])
        print("aaaa", "2001:389::f00d" in out)
        api.disconnect_container_from_network(b, "parity-v6")
        api.connect_container_to_network(b, "parity-v6", ipv6_address="2001:389::beef")
        print("connect", api.inspect_container(b)["NetworkSettings"]["Networks"]["parity-v6"]["IPAMConfig"]["IPv6Address"],
              api.inspect_container(b)["NetworkSettings"]["Networks"]["parity-v6"]["GlobalIPv6Address"])
        for c in (a, b):
            api.remove_container(c, force=True)
    finally:
        api.remove_network(net)
    plain = api.create_network("parity-v4")["Id"]
    try:
        c = api.create_container(image, ["true"], host_config=api.create_host_config(network_mode="parity-v4"),
                                 networking_config=api.create_networking_config({"parity-v4": api.create_endpoint_config(
                                     ipv6_address="2001:389::1")}))
        try:
            api.start(c)
            print("started an IPv6 address on an IPv4 network")
        except docker.errors.APIError as e:
            print("v6 on v4 refused", e.status_code)
        api.remove_container(c, force=True)
    finally:
        api.remove_network(plain)


def volume_subpath():
    # API 1.45's VolumeOptions.Subpath: only that directory of the volume is mounted; a missing one or a way out fails.
    import os
    api = docker.APIClient(base_url=os.environ["DOCKER_HOST"], version="1.45")
    api.create_volume("parity-sub")
    seed = api.create_container(image, ["sh", "-c", "mkdir -p /v/app/conf && echo inside > /v/app/conf/x && echo top > /v/top && ln -s / /v/out"],
                                host_config=api.create_host_config(binds=["parity-sub:/v"]))
    api.start(seed)
    api.wait(seed)

    def run(subpath):
        mount = {"Type": "volume", "Source": "parity-sub", "Target": "/data", "ReadOnly": False,
                 "VolumeOptions": {"Subpath": subpath}}
        c = api.create_container(image, ["sh", "-c", "ls /data; cat /data/x 2>/dev/null; true"],
                                 host_config=api.create_host_config(mounts=[mount]))
        try:
            api.start(c)
            api.wait(c)
            return "listing " + " ".join(api.logs(c).decode().split())
        except docker.errors.APIError as e:
            return f"refused {e.status_code}"
        finally:
            api.remove_container(c, force=True)
    print("app/conf:", run("app/conf"))
    print("missing:", run("app/nope"))
    print("symlink out:", run("out"))
    try:
        api.create_container(image, ["true"], host_config=api.create_host_config(mounts=[{
            "Type": "volume", "Source": "parity-sub", "Target": "/data", "VolumeOptions": {"Subpath": "../../etc"}}]))
        print("dotdot: created")
    except docker.errors.APIError as e:
        print("dotdot: refused", e.status_code)
    api.remove_container(seed, force=True)
    api.remove_volume("parity-sub")


def restart_after_wait():
    # With restart policy "always", a client whose wait just returned finds the container restarting: a plain
    # remove is refused (10 tries, as the race was a matter of timing).
    api = client.api
    refused = 0
    for _ in range(10):
        c = api.create_container(image, ["true"], host_config=api.create_host_config(
            restart_policy={"Name": "always", "MaximumRetryCount": 0}, network_mode="none"))
        api.start(c)
        api.wait(c)
        try:
            api.remove_container(c)
        except docker.errors.APIError as e:
            if e.status_code == 409 and "stop the container before" in e.explanation.lower():
                refused += 1
        api.remove_container(c, force=True)
    print("refused", refused, "of 10")


{"restart_after_wait": restart_after_wait, "volume_subpath": volume_subpath, "ipv6": ipv6, "legacy_links": legacy_links, "network_links": network_links, "build_stderr_and_cache_from": build_stderr_and_cache_from, "mac_address": mac_address, "networks_after_create": networks_after_create, "health_right_after_start": health_right_after_start, "network_with_a_space": network_with_a_space, "registry_data": registry_data, "commit_just_exited": commit_just_exited, "attach_logs_of_exited": attach_logs_of_exited, "exec_framing_and_keys": exec_framing_and_keys, "swarm_leave": swarm_leave, "default_log_driver": default_log_driver,
 "remove_one_of_two_tags": remove_one_of_two_tags, "load_garbage": load_garbage}[case]()

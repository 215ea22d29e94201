"""The `emergisphere users …` and `emergisphere clients …` commands."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TextIO

from emergisphere_runtime.platform import Platform
from emergisphere_runtime.settings import Settings
from gateway.security import accounts, passwords
from gateway.security.accounts import AccountError, UserUpdate
from gateway.security.context import Security
from gateway.security.roles import SCOPES, STAFF_ROLES


def add_parsers(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    users = commands.add_parser("users", help="staff accounts")
    user_commands = users.add_subparsers(dest="users_command", required=True)
    add = user_commands.add_parser("add", help="create a user (password asked, or generated)")
    add.add_argument("username")
    add.add_argument("--role", choices=STAFF_ROLES, required=True)
    add.add_argument("--generate-password", action="store_true", help="print a new password")
    user_commands.add_parser("list", help="list users")
    change = user_commands.add_parser("set", help="change a user's role or status")
    change.add_argument("username")
    change.add_argument("--role", choices=STAFF_ROLES)
    change.add_argument("--disable", action="store_true")
    change.add_argument("--enable", action="store_true")
    change.add_argument("--reset-password", action="store_true", help="print a new password")

    clients = commands.add_parser("clients", help="integration clients (client credentials)")
    client_commands = clients.add_subparsers(dest="clients_command", required=True)
    cadd = client_commands.add_parser("add", help="create a client; its secret is shown once")
    cadd.add_argument("name")
    cadd.add_argument("--scope", action="append", choices=SCOPES, dest="scopes")
    client_commands.add_parser("list", help="list clients")
    revoke = client_commands.add_parser("revoke", help="deactivate a client")
    revoke.add_argument("client_id")


async def run(args: argparse.Namespace, settings: Settings, out: TextIO = sys.stdout) -> int:
    platform = Platform.from_settings(settings)
    await platform.open_stores()
    try:
        if args.command == "users":
            return await _users(args, platform, out)
        return await _clients(args, platform, out)
    except (AccountError, LookupError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        await platform.close()


async def _users(args: argparse.Namespace, platform: Platform, out: TextIO) -> int:
    db = platform.db
    if args.users_command == "list":
        async with db.session() as session:
            for user in await accounts.list_users(session):
                state = "active" if user.active else "disabled"
                print(f"{user.username:<24} {user.role:<10} {state}", file=out)
        return 0
    if args.users_command == "add":
        new_password = _new_password(args.generate_password, out)
        async with db.transaction() as session:
            user = await accounts.create_user(
                session, username=args.username, role=args.role, password=new_password
            )
        print(f"created {user.username} ({user.role})", file=out)
        return 0
    password = _new_password(True, out) if args.reset_password else None
    active = False if args.disable else True if args.enable else None
    change = UserUpdate(role=args.role, active=active, password=password)
    async with db.transaction() as session:
        user = await accounts.update_user(session, username=args.username, change=change)
    await Security.build(platform).sessions.revoke_subject(user.id)
    state = "active" if user.active else "disabled"
    print(f"updated {user.username}: {user.role}, {state}", file=out)
    return 0


async def _clients(args: argparse.Namespace, platform: Platform, out: TextIO) -> int:
    db = platform.db
    if args.clients_command == "list":
        async with db.session() as session:
            for client in await accounts.list_clients(session):
                state = "active" if client.active else "revoked"
                scopes = " ".join(client.scopes)
                print(f"{client.id:<28} {scopes:<14} {state} {client.name}", file=out)
        return 0
    if args.clients_command == "add":
        async with db.transaction() as session:
            issued = await accounts.create_client(
                session, name=args.name, scopes=args.scopes or ["fhir"]
            )
        print(f"client_id:     {issued.id}", file=out)
        print(f"client_secret: {issued.client_secret}   (shown once; stored hashed)", file=out)
        return 0
    async with db.transaction() as session:
        await accounts.set_client_active(session, client_id=args.client_id, active=False)
    await Security.build(platform).sessions.revoke_subject(args.client_id)
    print(f"revoked {args.client_id}", file=out)
    return 0


def _new_password(generate: bool, out: TextIO) -> str:
    if generate:
        password = passwords.generate_secret()
        print(f"password: {password}", file=out)
        return password
    return getpass.getpass("password: ")

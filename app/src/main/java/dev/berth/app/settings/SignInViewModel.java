package dev.berth.app.settings;

import dev.berth.app.credentials.DockerConfigFile;
import dev.berth.app.engine.Engine;
import dev.berth.app.engine.SignInResult;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Registry sign-in in Settings: the engine checks the credentials ({@code POST /auth}), then they are kept where the
 * docker CLI keeps them, so that {@code docker pull} and the app's pulls use them: in the credential helper the
 * docker configuration names, or the desktop's store, and only where there is none in {@code config.json}, saying so.
 */
public final class SignInViewModel {
    private final Supplier<Engine> engine;
    private final Async async;
    private final DockerConfigFile config;
    private final StringProperty server = new SimpleStringProperty(this, "server", "");
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ObservableList<DockerConfigFile.Entry> signedIn = FXCollections.observableArrayList();
    private final ObservableList<DockerConfigFile.Entry> signedInView = FXCollections
            .unmodifiableObservableList(signedIn);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper helperNote = new ReadOnlyStringWrapper(this, "helperNote", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    public SignInViewModel(Supplier<Engine> engine, Async async, DockerConfigFile config) {
        this.engine = engine;
        this.async = async;
        this.config = config;
        server.addListener((o, a, b) -> updateHelperNote());
        reload();
    }

    /** A registry address; empty means Docker Hub. */
    public StringProperty serverProperty() {
        return server;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    /** The sign-ins stored in the config file. */
    public ObservableList<DockerConfigFile.Entry> signedIn() {
        return signedInView;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Where the typed registry's password would be kept: a credential helper, or (none found) the file, unencrypted. */
    public ReadOnlyStringProperty helperNoteProperty() {
        return helperNote.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Where the sign-ins are kept. */
    public String configPath() {
        return config.path().toString();
    }

    /** Asks the engine to check the credentials, then stores them (unless a helper owns them). */
    public void signIn() {
        String key = DockerConfigFile.serverKey(server.get());
        String u = user.get() == null ? "" : user.get().strip();
        String p = password.get() == null ? "" : password.get();
        if (u.isEmpty() || p.isEmpty()) {
            error.set(I18n.t("signin.needsUserAndPassword"));
            return;
        }
        error.set("");
        notice.set("");
        busy.set(true);
        async.run(() -> {
            SignInResult r = engine.get().signIn(key, u, p);
            return config.store(key, u, p, r.identityToken());
        }, helper -> {
            busy.set(false);
            password.set("");
            notice.set(helper.isEmpty() ? I18n.t("signin.stored", u, key, config.path())
                    : I18n.t("signin.storedInHelper", u, key, helper.get()));
            reload();
        }, message -> {
            busy.set(false);
            error.set(I18n.t("signin.failed", key, message));
        });
    }

    /** Removes the stored sign-in for {@code server}, from its credential helper and the config file. */
    public void signOut(String serverKey) {
        error.set("");
        notice.set("");
        // Off the FX thread: a credential helper may wait for its keyring to be unlocked.
        async.run(() -> config.remove(serverKey), removed -> {
            if (removed) {
                notice.set(I18n.t("signin.signedOut", serverKey));
            }
            reload();
        }, message -> {
            error.set(I18n.t("signin.fileError", config.path(), message));
            reload();
        });
    }

    /** Lists the sign-ins, which asks the credential helpers (processes of their own): in the background. */
    private void reload() {
        async.run(config::entries, signedIn::setAll, message -> {
            signedIn.clear();
            error.set(I18n.t("signin.fileError", config.path(), message));
        });
        updateHelperNote();
    }

    private void updateHelperNote() {
        String typed = server.get();
        async.run(() -> config.storeFor(typed), store -> {
            if (java.util.Objects.equals(typed, server.get())) { // a later keystroke's answer is the one to show
                helperNote.set(store.map(h -> I18n.t("signin.helperNote", h))
                        .orElse(I18n.t("signin.plainNote", config.path())));
            }
        }, message -> helperNote.set(""));
    }
}

package org.climagrad.enso;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.climagrad.core.Devices;

/**
 * Persistence of trained {@link FieldAutoencoder}s (Behnoudfar et al. 2025, Sec. 2), apart from
 * their training: the weights in DJL's parameter format ({@value FieldAutoencoder#NAME}-0000.params)
 * with the field scale and the sizes (latent, hidden, nx) as model properties.
 */
public final class AutoencoderFiles {
    private AutoencoderFiles() {}

    /**
     * Saves a trained autoencoder into {@code directory} (created if missing).
     *
     * @return the directory
     */
    public static Path save(FieldAutoencoder.Trained trained, Path directory) {
        Model model = trained.model();
        try {
            Files.createDirectories(directory);
            model.setProperty("scale", Double.toString(trained.scale()));
            model.setProperty("nx", Integer.toString(trained.fieldSize()));
            model.setProperty("latent", Integer.toString(trained.latent()));
            model.setProperty("hidden", Integer.toString(trained.hidden()));
            model.save(directory, FieldAutoencoder.NAME);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the autoencoder to " + directory, e);
        }
    }

    /**
     * Loads an autoencoder saved by {@link #save} into the architecture of {@code settings}.
     *
     * @param nx field size (longitudes)
     * @throws IllegalArgumentException when the folder holds no saved autoencoder or one with another
     *     latent size, hidden size or field size
     */
    public static FieldAutoencoder.Trained load(FieldAutoencoder settings, Path directory, int nx) {
        Path params = directory.resolve(FieldAutoencoder.NAME + "-0000.params");
        if (!Files.isRegularFile(params)) {
            throw new IllegalArgumentException("directory " + directory + ": no saved autoencoder ("
                    + params.getFileName() + " missing)");
        }
        Model model = Model.newInstance(FieldAutoencoder.NAME, Devices.preferred());
        Block encoder = settings.encoder();
        Block decoder = settings.decoder(nx);
        model.setBlock(new SequentialBlock().add(encoder).add(decoder));
        try {
            model.load(directory, FieldAutoencoder.NAME);
            String saved = model.getProperty("latent") + "/" + model.getProperty("hidden") + "/"
                    + model.getProperty("nx");
            String wanted = settings.latent() + "/" + settings.hidden() + "/" + nx;
            if (!saved.equals(wanted)) {
                throw new IllegalArgumentException("directory " + directory + ": saved latent/hidden/nx = " + saved
                        + ", these settings expect " + wanted);
            }
            return new FieldAutoencoder.Trained(model, encoder, decoder, Double.parseDouble(model.getProperty("scale")),
                    nx, settings.latent(), settings.hidden());
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException("directory " + directory + ": the saved autoencoder does not match "
                    + "these settings (" + e.getMessage() + ")", e);
        }
    }
}

package org.climagrad.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

class ProfileAndDevicesTest {
    @Test
    void profileNamesParseCaseInsensitively() {
        assertEquals(Profile.FAST, Profile.parse("fast"));
        assertEquals(Profile.PAPER, Profile.parse("PAPER"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Profile.parse("huge"));
        assertTrue(e.getMessage().contains("fast or paper"), e.getMessage());
    }

    @Test
    void systemPropertySelectsTheProfile() {
        String old = System.getProperty(Profile.PROPERTY);
        try {
            System.setProperty(Profile.PROPERTY, "paper");
            assertEquals(Profile.PAPER, Profile.current());
            assertEquals(7, Profile.current().pick(3, 7));
        } finally {
            if (old == null) {
                System.clearProperty(Profile.PROPERTY);
            } else {
                System.setProperty(Profile.PROPERTY, old);
            }
        }
    }

    @Test
    void deviceNamesParse() {
        assertEquals(Device.cpu(), Devices.parse("cpu"));
        assertEquals(Device.gpu(1), Devices.parse("gpu:1"));
        assertThrows(IllegalArgumentException.class, () -> Devices.parse("tpu"));
        assertThrows(IllegalArgumentException.class, () -> Devices.parse("gpu:-1"));
    }

    @Test
    void cpuOverrideIsHonoured() {
        String old = System.getProperty(Devices.PROPERTY);
        try {
            System.setProperty(Devices.PROPERTY, "cpu");
            assertEquals(Device.cpu(), Devices.preferred());
        } finally {
            if (old == null) {
                System.clearProperty(Devices.PROPERTY);
            } else {
                System.setProperty(Devices.PROPERTY, old);
            }
        }
    }

    @Test
    void engineGetsOneIntraOpThreadPerCpuUnlessTheUserSetIt() {
        org.junit.jupiter.api.Assertions.assertNotNull(Devices.engine());
        String threads = System.getProperty(Devices.THREADS);
        org.junit.jupiter.api.Assertions.assertNotNull(threads, Devices.THREADS);
        org.junit.jupiter.api.Assertions.assertTrue(Integer.parseInt(threads) >= 1, threads);
    }
}
